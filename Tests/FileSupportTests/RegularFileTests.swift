import FileSupport
import Glibc
import XCTest

/// Reading files a user names: regular files only, never blocking, errors in our words.
final class RegularFileTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/perceptron-files-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = String(cString: try XCTUnwrap(made))
    }

    override func tearDownWithError() throws {
        _ = try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        XCTAssertEqual(bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, bytes.count) }, bytes.count)
        return path
    }

    private func error(_ body: () throws(FileReadError) -> some Any) -> FileReadError? {
        do { _ = try body(); return nil } catch { return error }
    }

    func testReadsARegularFile() throws {
        let path = try write("a.txt", Array("héllo\n".utf8))
        XCTAssertEqual(try RegularFile.readBytes(atPath: path, limit: 100), Array("héllo\n".utf8))
        XCTAssertEqual(try RegularFile.readText(atPath: path, limit: 100), "héllo\n")
        XCTAssertTrue(RegularFile.isRegularFile(atPath: path))
    }

    func testDropsAByteOrderMark() throws {
        let path = try write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("x".utf8))
        XCTAssertEqual(try RegularFile.readText(atPath: path, limit: 100), "x")
    }

    func testAFIFOIsRefusedWithoutBlocking() throws {
        let path = directory + "/pipe.theme"
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        // Opening a FIFO for reading with no writer would block this test forever.
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: path, limit: 100) },
                       .notRegular(path: path, kind: "a FIFO"))
        XCTAssertFalse(RegularFile.isRegularFile(atPath: path))
        XCTAssertEqual(FileReadError.notRegular(path: "x.theme", kind: "a FIFO").description,
                       "'x.theme' is not a regular file (it is a FIFO)")
    }

    func testDirectoriesAndDevicesAreRefused() {
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: directory, limit: 100) },
                       .notRegular(path: directory, kind: "a directory"))
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: "/dev/zero", limit: 100) },
                       .notRegular(path: "/dev/zero", kind: "a character device"))
        XCTAssertFalse(RegularFile.isRegularFile(atPath: "/dev/null"))
        XCTAssertFalse(RegularFile.isRegularFile(atPath: directory))
    }

    func testProcSelfMemFailsInsteadOfHanging() {
        // A "regular" file whose reads fail: the failure is reported in words.
        guard let failure = error({ () throws(FileReadError) in try RegularFile.readBytes(atPath: "/proc/self/mem", limit: 100) })
        else { return XCTFail("/proc/self/mem read") }
        XCTAssertEqual(failure.path, "/proc/self/mem")
        XCTAssertFalse(failure.description.contains("NSCocoa"), failure.description)
    }

    func testProcFilesThatClaimToBeEmptyAreReadToTheEnd() throws {
        let status = try RegularFile.readText(atPath: "/proc/self/status", limit: 1 << 20)
        XCTAssertTrue(status.hasPrefix("Name:"), status)
    }

    func testMissingFilesAndSymlinkLoops() throws {
        let missing = directory + "/nothing"
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: missing, limit: 100) },
                       .missing(path: missing))
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: missing + "/x", limit: 100) },
                       .missing(path: missing + "/x"))
        let loop = directory + "/loop.theme"
        XCTAssertEqual(symlink(loop, loop), 0)
        let failure = error { () throws(FileReadError) in try RegularFile.readBytes(atPath: loop, limit: 100) }
        XCTAssertEqual(failure, .symlinkLoop(path: loop))
        XCTAssertEqual(failure?.reason, "cannot be read: a loop of symbolic links")
        XCTAssertFalse(RegularFile.isRegularFile(atPath: loop))
    }

    func testALinkToARegularFileIsFollowed() throws {
        let target = try write("target", Array("t".utf8))
        let link = directory + "/link"
        XCTAssertEqual(symlink(target, link), 0)
        XCTAssertEqual(try RegularFile.readText(atPath: link, limit: 10), "t")
        XCTAssertTrue(RegularFile.isRegularFile(atPath: link))
    }

    func testPermissionDenied() throws {
        let path = try write("secret", Array("s".utf8))
        XCTAssertEqual(chmod(path, 0), 0)
        // root reads anything: there the refusal cannot happen.
        try XCTSkipIf(geteuid() == 0, "running as root")
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: path, limit: 100) },
                       .permissionDenied(path: path))
    }

    func testTheLimitIsExact() throws {
        let path = try write("ten", [UInt8](repeating: 0x41, count: 10))
        XCTAssertEqual(try RegularFile.readBytes(atPath: path, limit: 10).count, 10)
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readBytes(atPath: path, limit: 9) },
                       .tooLarge(path: path, limit: 9))
        XCTAssertEqual(FileReadError.tooLarge(path: "t", limit: 256 * 1024).reason, "is too large: more than 256 KB")
    }

    func testInvalidUTF8NamesLineAndColumn() throws {
        let path = try write("bad", Array("ok\nab".utf8) + [0xFF] + Array("c".utf8))
        XCTAssertEqual(error { () throws(FileReadError) in try RegularFile.readText(atPath: path, limit: 100) },
                       .notUTF8(path: path, line: 2, column: 3))
        // An overlong encoding and a lone surrogate are not UTF-8 either.
        XCTAssertEqual(RegularFile.decodeUTF8([0xC0, 0xAF]), .failure(.init(line: 1, column: 1)))
        XCTAssertEqual(RegularFile.decodeUTF8(Array("é".utf8) + [0xED, 0xA0, 0x80]), .failure(.init(line: 1, column: 2)))
        XCTAssertEqual(RegularFile.decodeUTF8(Array("é".utf8)), .success("é"))
    }

    func testMessagesEscapeTheFileName() {
        let failure = FileReadError.missing(path: "a\u{1B}[2Jb\u{07}.theme")
        XCTAssertEqual(failure.description, "'a\\e[2Jb\\x07.theme' no such file")
    }

    func testOtherErrorsAreInWordsStartingLowercase() {
        let failure = FileReadError.io(path: "x", reason: "input/output error")
        XCTAssertEqual(failure.description, "'x' cannot be read: input/output error")
    }
}
