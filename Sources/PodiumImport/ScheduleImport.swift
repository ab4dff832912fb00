import PodiumCore
