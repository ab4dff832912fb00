import Foundation

/// Latencies in seconds, summarised.
struct Latencies {
  private(set) var samples: [Double] = []

  mutating func add(_ seconds: Double) { samples.append(seconds) }
  mutating func add(contentsOf other: Latencies) { samples += other.samples }

  /// The `p`th percentile (0…100), in seconds.
  func percentile(_ p: Double) -> Double {
    guard !samples.isEmpty else { return .nan }
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count - 1)).rounded()))]
  }

  var count: Int { samples.count }
}

/// A monotonic instant, in seconds.
func monotonic() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU seconds (user + system) and resident bytes of a process, from /proc.
struct ProcessUsage {
  var cpu: Double
  var resident: Double

  init(pid: Int32) {
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    let fields = stat.split(separator: ")").last?.split(separator: " ").map(String.init) ?? []
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    func field(_ index: Int) -> Double { fields.indices.contains(index) ? Double(fields[index]) ?? 0 : 0 }
    cpu = (field(11) + field(12)) / ticks
    resident = field(21) * Double(sysconf(Int32(_SC_PAGESIZE)))
    // The peak, when the caller wants it, is VmHWM in /proc/PID/status.
  }

  /// The highest resident memory the process had, in bytes (VmHWM).
  static func peakResident(pid: Int32) -> Double {
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
  }
}

/// One line of the report: a Podium figure, and the raw figure it is held against.
struct Row {
  var path: String
  var podium: String
  var raw: String = ""
  var ratio: String = ""
  var target: String = ""
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
func microseconds(_ seconds: Double) -> String { String(format: "%.1f µs", seconds * 1e6) }
func whole(_ value: Double) -> String { String(format: "%.0f", value) }
func mebibytes(_ bytes: Double) -> String { String(format: "%.1f MiB", bytes / 1_048_576) }

func printTable(_ rows: [Row]) {
  print("| path | Podium | raw (same run) | ratio | target |")
  print("|---|---|---|---|---|")
  for row in rows { print("| \(row.path) | \(row.podium) | \(row.raw) | \(row.ratio) | \(row.target) |") }
}
