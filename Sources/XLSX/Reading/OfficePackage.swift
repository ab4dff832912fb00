import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` file: a ZIP archive of XML documents, read through ZIPFoundation.
struct OfficePackage {
  /// The largest part read, uncompressed: a sheet of thousands of rows is a few megabytes; a ZIP bomb is not read.
  static let maximumPartBytes: UInt64 = 64 << 20

  private let archive: Archive

  init(_ data: Data) throws(XLSXError) {
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw XLSXError(place: "the file", reason: "not an .xlsx workbook (not a ZIP archive: \(error))")
    }
  }

  /// The XML of part `path` (`xl/workbook.xml`), nil when the package lacks it.
  func part(_ path: String) throws(XLSXError) -> XMLTree? {
    guard let entry = archive[path] else { return nil }
    guard entry.uncompressedSize <= Self.maximumPartBytes else {
      throw XLSXError(
        place: path, reason: "\(entry.uncompressedSize) bytes uncompressed: more than this reader reads (64 MiB)")
    }
    var data = Data()
    do {
      _ = try archive.extract(entry) { chunk in
        data.append(chunk)
        if data.count > Self.maximumPartBytes {
          throw XLSXError(place: path, reason: "more than this reader reads (64 MiB)")
        }
      }
    } catch let error as XLSXError {
      throw error
    } catch {
      throw XLSXError(place: path, reason: "cannot be unpacked (\(error))")
    }
    return try XMLTree.parse(data, part: path)
  }
}
