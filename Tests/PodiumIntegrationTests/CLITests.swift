import Foundation
import PodiumCore
import PodiumStore
import Synchronization
import XCTest

/// `podium` as the crew runs it.
final class CLITests: XCTestCase {
  func testRoomCommandsStatusAndEvents() throws {
    let daemon = try DaemonProcess()
    XCTAssertEqual(try daemon.cli(["start", "plenary"]).out, "ok: sessionStarted #4\n")
    XCTAssertEqual(try daemon.cli(["add-time", "plenary", "+2m"]).status, 0)
    XCTAssertEqual(try daemon.cli(["message", "plenary", "Merci de conclure", "--blink"]).status, 0)
    let refused = try daemon.cli(["start", "plenary"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.err.contains("not_allowed_in_state"), refused.err)

    let status = try daemon.cli(["status"])
    XCTAssertEqual(status.status, 0)
    XCTAssertTrue(status.out.contains("الافتتاح الرسمي 2026"), status.out)
    XCTAssertTrue(status.out.contains("46:"), "45 minutes planned, 2 added, one passed: \(status.out)")

    let json = try daemon.cli(["status", "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    XCTAssertEqual(object?["seq"] as? Int, 6, "a conference, two rooms' programmes, three commands")

    let events = try daemon.cli(["events"]).out.split(separator: "\n")
    XCTAssertEqual(events.count, 6)
    XCTAssertTrue(events[1].contains("programmeChanged"))
    XCTAssertTrue(events[3].contains("sessionStarted"))
    XCTAssertTrue(events[4].contains("timeAdded seconds=120"))
    let lines = try daemon.cli(["events", "--json", "--after", "5"]).out.split(separator: "\n")
    XCTAssertEqual(lines.count, 1)
    XCTAssertTrue(lines[0].contains("\"messageShown\""))
  }

  func testEventsFollowPrintsNewEventsAsTheyAreCommitted() async throws {
    let daemon = try DaemonProcess()
    let process = Process()
    process.executableURL = DaemonProcess.binaries.appendingPathComponent("podium")
    process.arguments = ["events", "--follow", "--endpoint", daemon.commandEndpoint]
    process.environment = ["HOME": daemon.directory.path, "PODIUM_UPDATE_ENDPOINT": daemon.updateEndpoint]
    process.currentDirectoryURL = daemon.directory
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    defer { process.terminate() }
    let lines = LineCollector(output.fileHandleForReading)
    await eventually("the existing events") { lines.text.contains("programmeChanged") }
    XCTAssertEqual(try daemon.cli(["start", "atlas"]).status, 0)
    await eventually("the new event, followed") { lines.text.contains("room/atlas sessionStarted") }
  }

  func testReportsComeFromTheLogAlsoForAPastInstant() throws {
    let daemon = try DaemonProcess()
    let beforeStart = PodiumJSON.formatInstant(Date())
    Thread.sleep(forTimeInterval: 0.01)
    XCTAssertEqual(try daemon.cli(["start", "plenary"]).status, 0)
    daemon.kill(signal: SIGTERM)
    let report = { (arguments: [String]) in try daemon.cli(["report", "--data-dir", daemon.dataDirectory] + arguments) }

    let csv = try report(["--csv"]).out.components(separatedBy: "\r\n")
    let opening = try XCTUnwrap(csv.first { $0.hasPrefix("plenary,opening,") })
    XCTAssertTrue(opening.contains(",running,"), opening)
    XCTAssertTrue(csv.contains { $0.hasPrefix("atlas,workshop,") && $0.contains(",planned,") })

    let past = try report(["--csv", "--at", beforeStart]).out
    XCTAssertTrue(past.contains("plenary,opening,الافتتاح الرسمي 2026,planned,"), past)
    let screens = try report(["--at", beforeStart]).out
    XCTAssertTrue(screens.hasPrefix("What the screens showed at "), screens)

    let file = daemon.directory.appendingPathComponent("report.html").path
    XCTAssertEqual(try report(["--html", file, "--language", "fr"]).status, 0)
    let html = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertTrue(html.contains("Care &amp; protection: &lt;what works&gt;"))
    XCTAssertTrue(html.contains("<svg"))
  }

  private static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/samples/schedules")

  func testAnImportedScheduleRunsInTheDaemonAndReports() throws {
    let importer = try DaemonProcess()
    let result = try importer.cli(["import", Self.samples.appendingPathComponent("camp2019_frab_schedule.json").path])
    XCTAssertEqual(result.status, 0, result.err)
    let daemon = try DaemonProcess(conference: result.out)
    XCTAssertEqual(try daemon.cli(["start", "curie"]).status, 0)
    daemon.kill(signal: SIGTERM)
    let csv = try daemon.cli(["report", "--data-dir", daemon.dataDirectory, "--csv"]).out
    XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 80, "a header and 79 sessions")
    XCTAssertTrue(csv.contains(",Opening Ceremony,running,2019-08-21T11:00:00+02:00,"), csv)
  }

  func testTheDemoConferenceRunsAndReportsInArabic() throws {
    let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("config/conferences/rabat-2026.yaml")
    let daemon = try DaemonProcess(conference: try String(contentsOf: demo, encoding: .utf8))
    XCTAssertEqual(try daemon.cli(["start", "plenary"]).status, 0)
    XCTAssertEqual(try daemon.cli(["add-time", "plenary", "+5m"]).status, 0)
    XCTAssertEqual(try daemon.cli(["end", "plenary"]).status, 0)
    let file = daemon.directory.appendingPathComponent("rabat.html").path
    XCTAssertEqual(
      try daemon.cli(["report", "--data-dir", daemon.dataDirectory, "--html", file, "--language", "ar"]).status, 0)
    let html = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
    XCTAssertTrue(html.contains("منتهية"), "the first plenary session ended")
    XCTAssertEqual(html.components(separatedBy: "<tr class=\"skipped\"").count - 1, 0)
    XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "one timeline per conference day")
  }

  func testAScheduleThatPodiumCannotRunChangesNothing() throws {
    let daemon = try DaemonProcess()
    let target = daemon.directory.appendingPathComponent("good.yaml").path
    let result = try daemon.cli([
      "import", Self.samples.appendingPathComponent("good2025_pretalx_schedule.xml").path, "--into", target,
    ])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.err.contains("overlaps"), result.err)
    XCTAssertTrue(result.err.contains("nothing written"), result.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: target))
  }

  func testReimportingMergesByIdAndShowsTheDifference() throws {
    let daemon = try DaemonProcess()
    let schedule = Self.samples.appendingPathComponent("camp2019_frab_schedule.json").path
    let target = daemon.directory.appendingPathComponent("camp.yaml").path
    XCTAssertEqual(try daemon.cli(["import", schedule, "--into", target]).status, 0)
    var yaml = try String(contentsOfFile: target, encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "title: Opening Ceremony", with: "title: Opening")
    yaml = yaml.replacingOccurrences(of: "name: Chaos Communication Camp 2019", with: "name: CCCamp 2019")
    try yaml.write(toFile: target, atomically: true, encoding: .utf8)

    let dryRun = try daemon.cli(["import", schedule, "--into", target, "--dry-run"])
    XCTAssertTrue(dryRun.out.contains("(title)"), dryRun.out)
    XCTAssertTrue(dryRun.out.contains("0 added, 0 removed, 1 changed"), dryRun.out)
    XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), yaml, "a dry run writes nothing")

    XCTAssertEqual(try daemon.cli(["import", schedule, "--into", target]).status, 0)
    let merged = try String(contentsOfFile: target, encoding: .utf8)
    XCTAssertTrue(merged.contains("title: Opening Ceremony"), "the schedule decides titles")
    XCTAssertTrue(merged.contains("name: CCCamp 2019"), "the conference file keeps its own name")
  }

  func testAScheduleWithoutATimeZoneNeedsOneAndADryRunSummarises() throws {
    let daemon = try DaemonProcess()
    let schedule = daemon.directory.appendingPathComponent("fosdem.xml").path
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <schedule><conference><acronym>fosdem-2021</acronym><title>FOSDEM 2021</title></conference>
      <day index="1" date="2021-02-06"><room name="D.postgresql">
        <event id="1"><start>10:00</start><duration>00:50</duration><room>D.postgresql</room>
          <slug>postgresql_database_schema_management_for_lazybones_from_chaos_to_heaven</slug>
          <title>Schema management &amp; &lt;b&gt;lazybones&lt;/b&gt;</title><persons><person id="9">Anne</person></persons></event>
      </room></day>
    </schedule>
    """.write(toFile: schedule, atomically: true, encoding: .utf8)

    let refused = try daemon.cli(["import", schedule])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.err.contains("names no time zone") && refused.err.contains("--time-zone"), refused.err)

    let summary = try daemon.cli(["import", schedule, "--time-zone", "Europe/Brussels", "--dry-run"])
    XCTAssertEqual(summary.status, 0, summary.err)
    XCTAssertTrue(summary.out.contains("FOSDEM 2021 (time zone Europe/Brussels)"), summary.out)
    XCTAssertTrue(summary.out.contains("1 room: D.postgresql"), summary.out)
    XCTAssertTrue(summary.out.contains("2021-02-06: 1"), summary.out)
    XCTAssertFalse(summary.out.contains("sessions:"), "the conference file only behind --show-file")

    let file = try daemon.cli(["import", schedule, "--time-zone", "Europe/Brussels", "--dry-run", "--show-file"])
    XCTAssertTrue(file.out.contains("timeZone: Europe/Brussels"), file.out)
    XCTAssertTrue(file.out.contains("Schema management & <b>lazybones</b>"), file.out)
    XCTAssertTrue(file.out.contains("start: 2021-02-06 10:00"), file.out)

    // Merging into a conference file: its zone is the schedule's, no flag needed.
    let target = daemon.directory.appendingPathComponent("fosdem.yaml").path
    let written = try daemon.cli(["import", schedule, "--time-zone", "Europe/Brussels", "--into", target])
    XCTAssertEqual(written.status, 0, written.err)
    let merged = try daemon.cli(["import", schedule, "--into", target])
    XCTAssertEqual(merged.status, 0, merged.err)
    XCTAssertTrue(merged.out.contains("is up to date"), merged.out)
  }

  func testAnUnreachableDaemonIsSaidPlainly() throws {
    let daemon = try DaemonProcess()
    daemon.kill(signal: SIGKILL)
    let result = try daemon.cli(["status"])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.err.contains("not reachable"), result.err)
  }

  func testBackupUnderLoadRestoresTheSameStateOntoAStoppedDaemon() async throws {
    let daemon = try DaemonProcess()
    let client = daemon.client()
    defer { client.stop() }
    try await client.send(RoomCommand(StartSession(), in: "plenary"))
    try await client.send(RoomCommand(TakeMicrophone(booth: "en", interpreter: "helen"), in: "plenary"))
    let load = Task {
      for index in 0..<60 {
        _ = try? await client.send(RoomCommand(AddTime(seconds: index % 2 == 0 ? 60 : -60), in: "plenary"))
      }
    }
    try await Task.sleep(nanoseconds: 100_000_000)
    let file = daemon.directory.appendingPathComponent("backup.sqlite").path
    let backup = try daemon.cli(["backup", file, "--data-dir", daemon.dataDirectory])
    XCTAssertEqual(backup.status, 0, backup.err)
    let backedUp = try XCTUnwrap(Int64(backup.out.split(separator: " ").first { Int64($0) != nil } ?? ""))
    _ = await load.value

    let refused = try daemon.cli(["restore", file, "--data-dir", daemon.dataDirectory])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.err.contains("a running podiumd"), refused.err)
    let second = Process()
    second.executableURL = DaemonProcess.binaries.appendingPathComponent("podiumd")
    second.arguments = ["--data-dir", daemon.dataDirectory, "--command-endpoint", "tcp://127.0.0.1:*"]
    second.standardError = Pipe()
    second.environment = ["PATH": "/usr/bin:/bin", "PODIUM_PLAINTEXT": "loopback"]
    try second.run()
    second.waitUntilExit()
    XCTAssertNotEqual(second.terminationStatus, 0, "a second daemon on the same log is refused")

    daemon.kill(signal: SIGTERM)
    let original = try EventLog(path: daemon.databasePath, readOnly: true)
    let expected = ConferenceState.replaying(
      try original.events(after: 0, limit: 10_000).filter { $0.seq <= backedUp }.map(\.event))
    XCTAssertGreaterThan(try original.lastSequence(), 3)
    let restored = try daemon.cli(["restore", file, "--data-dir", daemon.dataDirectory])
    XCTAssertEqual(restored.status, 0, restored.err)
    try daemon.start()
    XCTAssertTrue(daemon.output.hasSuffix("seq=\(backedUp)"), daemon.output)
    let log = try EventLog(path: daemon.databasePath, readOnly: true)
    XCTAssertEqual(try log.replay().rooms, expected.rooms)
    XCTAssertEqual(try log.replay().workload, expected.workload)
    let aside = try FileManager.default.contentsOfDirectory(atPath: daemon.dataDirectory)
    XCTAssertTrue(aside.contains { $0.hasPrefix("podium.sqlite.before-restore-") }, "\(aside)")
  }

  func testCheckConfigNamesTheLine() throws {
    let daemon = try DaemonProcess()
    let good = try daemon.cli(["check-config", daemon.conferenceFile.path])
    XCTAssertEqual(good.status, 0, good.err)
    XCTAssertTrue(good.out.contains("2 rooms, 3 sessions"), good.out)
    let bad = daemon.directory.appendingPathComponent("bad.yaml")
    try TestConference.yaml().replacingOccurrences(of: "room: atlas", with: "room: atlantis").write(
      to: bad, atomically: true, encoding: .utf8)
    let result = try daemon.cli(["check-config", bad.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.err.contains("bad.yaml:41:11:"), result.err)
    XCTAssertTrue(result.err.contains("atlantis"), result.err)
  }
}

/// Collects what a pipe receives, from a background reader.
final class LineCollector: Sendable {
  private let collected = Mutex("")

  init(_ handle: FileHandle) {
    handle.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self, !data.isEmpty else { return }
      self.collected.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }
  }

  var text: String { collected.withLock { $0 } }
}
