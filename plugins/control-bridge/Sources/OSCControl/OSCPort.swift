import Foundation
import NIOCore
import NIOPosix
import OSC
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb
import Synchronization

/// The bridge's OSC socket (UDP). In: commands from the allowed hosts only (OSC has no
/// authentication), each answered to its sender with `/podium/ok <address> <seq>` or
/// `/podium/error <address> <code> <message>`; packets from any other host are dropped
/// unanswered. Out: every room's variables (`OSCVariables`) to the targets, those that changed
/// on each change and all of them on each second of the daemon's clock, from this same port.
final class OSCPort: Sendable {
  typealias Channel = NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>

  /// Commands one host may send per second (a burst of as many).
  static let commandsPerSecond = 50

  private let channel: Channel
  private let server: ControlServer
  private let allowed: IPNetworks
  private let targets: [SocketAddress]
  private let limit = RateLimiter(rate: commandsPerSecond, per: 1)
  private let refusals = Atomic<Int>(0)
  /// Every packet it sends, in order: replies, variables, automations' messages.
  private let outgoing: AsyncStream<AddressedEnvelope<ByteBuffer>>
  private let queue: AsyncStream<AddressedEnvelope<ByteBuffer>>.Continuation
  /// What each target was last sent, by address.
  private let sent = Mutex<[String: OSCArgument]>([:])

  /// Binds `address` (port 0 picks one) and resolves `targets` (`host:port`).
  init(address: ListenAddress, server: ControlServer, allowed: IPNetworks, targets: [String]) async throws {
    self.server = server
    self.allowed = allowed
    self.targets = try targets.map { target in
      let parsed = try ListenAddress(target)
      return try SocketAddress.makeAddressResolvingHost(
        parsed.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: parsed.port)
    }
    (outgoing, queue) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(4_096))
    channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelOption(.socketOption(.so_reuseaddr), value: 1)
      .channelOption(.socketOption(.so_rcvbuf), value: 1 << 20)
      .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
      .bind(host: address.host, port: address.port) { channel in
        channel.eventLoop.makeCompletedFuture { try Channel(wrappingChannelSynchronously: channel) }
      }
  }

  /// `udp://host:port` it listens on.
  var url: String {
    let local = channel.channel.localAddress
    return "udp://\(local?.ipAddress ?? "?"):\(local?.port ?? 0)"
  }

  /// Serves until cancelled.
  func run() async {
    try? await channel.executeThenClose { inbound, outbound in
      await withTaskGroup(of: Void.self) { group in
        group.addTask {
          for await envelope in self.outgoing { try? await outbound.write(envelope) }
        }
        if !self.targets.isEmpty { group.addTask { await self.sendVariables() } }
        group.addTask {
          do {
            for try await envelope in inbound { await self.receive(envelope) }
          } catch {
            ControlLog.warning("OSC input stopped: \(error)")
          }
        }
        await group.next()  // each runs until cancelled: one that ends is the input's failure
        group.cancelAll()
      }
    }
  }

  // MARK: In

  /// Sends `message` to `target` (after what is queued before it).
  func send(_ message: OSCMessage, to target: SocketAddress) throws(OSCError) {
    queue.yield(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(bytes: try message.encoded())))
  }

  private func receive(_ envelope: AddressedEnvelope<ByteBuffer>) async {
    let source = envelope.remoteAddress
    let host = source.ipAddress ?? "?"
    guard allowed.contains(host) else {
      refused("from \(host), which osc.allow does not list: dropped")
      return
    }
    let bytes = Array(buffer: envelope.data)
    let message: OSCMessage
    do {
      message = try OSCMessage(decoding: bytes)
    } catch {
      refused("from \(host): \(error)")
      try? send(
        OSCMessage("/podium/error", [.string(""), .string(ErrorCode.malformed.rawValue), .string("\(error)")]),
        to: source)
      return
    }
    try? send(await answer(message, from: host), to: source)
  }

  /// The reply to `message`: its command's acknowledgement or why it was not done.
  private func answer(_ message: OSCMessage, from host: String) async -> OSCMessage {
    func failure(_ error: ProtocolError) -> OSCMessage {
      refused("from \(host): \(message.address) \(message.typeTags): \(error.message)")
      return OSCMessage(
        "/podium/error", [.string(message.address), .string(error.code.rawValue), .string(error.message)])
    }
    let room = message.addressParts.count > 1 ? String(message.addressParts[1]) : ""
    let current = server.client.view.rooms[room]?.message.map { ($0.text, $0.blink) }
    let command: OSCCommand
    switch OSCCommand.of(message, currentMessage: current) {
    case .success(let read): command = read
    case .failure(let error): return failure(error)
    }
    if limit.take(host) != nil {
      return failure(
        ProtocolError(.rateLimited, "more than \(Self.commandsPerSecond) OSC commands a second from \(host)"))
    }
    let (result, _) = await server.send(
      command.name, args: command.args, room: command.room, as: ControlCaller(holder: nil))
    if let ack = result.ack { return OSCMessage("/podium/ok", [.string(message.address), .int64(Int64(ack.seq))]) }
    let error = result.error
    refused("from \(host): \(message.address): \(error?.code.rawValue ?? "?") \(error?.message ?? "")")
    return OSCMessage(
      "/podium/error",
      [.string(message.address), .string(error?.code.rawValue ?? ""), .string(error?.message ?? "")])
  }

  /// Logs a refusal: the first 20, then one in 1,000 (a flood must not fill the journal).
  private func refused(_ line: String) {
    let count = refusals.add(1, ordering: .relaxed).newValue
    if count <= 20 {
      ControlLog.warning("OSC refused \(line)")
    } else if count % 1_000 == 0 {
      ControlLog.warning("OSC refused \(count) packets so far; the latest \(line)")
    }
  }

  // MARK: Out

  private func sendVariables() async {
    let client = server.client
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        // A room's state changed, not only the instant it was published at: what changed goes at once.
        var last: [Room.ID: RoomStatus] = [:]
        for await view in client.views() {
          let changed = view.rooms.filter { room, status in last[room].map { !$0.saysSame(as: status) } ?? true }
          let retimed = changed.filter { room, status in last[room]?.state.timer != status.state.timer }
          last = view.rooms
          if !changed.isEmpty {
            self.sendVariables(of: Set(changed.keys), onlyChanged: true, clockOf: Set(retimed.keys))
          }
        }
      }
      group.addTask {
        while !Task.isCancelled {
          await self.server.sleepToDaemonSecond()
          self.sendVariables(of: nil, onlyChanged: false, clockOf: nil)
        }
      }
      await group.waitForAll()
    }
  }

  /// Sends the variables of `rooms` (nil: every room) to every target: those that changed since
  /// last sent (`onlyChanged`) or all. The countdown's values go only for `clockOf` (the rooms
  /// whose timer changed; nil: every room): between seconds they change as time passes, which
  /// the ticks say.
  private func sendVariables(of rooms: Set<Room.ID>?, onlyChanged: Bool, clockOf retimed: Set<Room.ID>?) {
    guard let conference = server.client.view.conference else { return }
    let messages = conference.rooms.filter { rooms?.contains($0.id) ?? true }.flatMap { room in
      let messages = server.variables(of: room.id).map(OSCVariables.messages) ?? []
      guard let retimed, !retimed.contains(room.id) else { return messages }
      return messages.filter { !OSCVariables.isClock($0.address) }
    }
    let due = sent.withLock { sent in
      messages.filter { message in
        let changed = sent[message.address] != message.arguments.first
        sent[message.address] = message.arguments.first
        return changed || !onlyChanged
      }
    }
    let packets = due.compactMap { try? $0.encoded() }.map { ByteBuffer(bytes: $0) }
    for target in targets {
      for packet in packets { queue.yield(AddressedEnvelope(remoteAddress: target, data: packet)) }
    }
  }
}
