#if canImport(Glibc)
import Glibc
#endif
import PerceptronApp
import PerceptronCore

/// Carries out `Command.export` at the edge: writes the run as CSV to a new file in the current
/// folder, never over an existing one, and reports back as a message for `update`.
enum RunFileWriter {
    static func write(_ export: RunExport) -> Message {
        let stem = export.fileName.hasSuffix(".csv") ? String(export.fileName.dropLast(4)) : export.fileName
        var name = export.fileName
        var descriptor: Int32 = -1
        for suffix in 0..<1000 {
            if suffix > 0 { name = "\(stem)-\(suffix).csv" }
            // O_EXCL: an existing file (or anything else by that name) is never opened, let alone overwritten.
            descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { return .exportFailed(reason: "\(name): \(String(cString: strerror(errno)))") }
        var output = CSVWriter(descriptor: descriptor, learningRateColumn: true)
        var failure: OutputError?
        do {
            let first = try export.run.initialState()
            output.writeHeader(parameterNames: first.parameterNames, samples: first.dataset.sampleCount)
            try export.run.forEachState(through: export.through, every: export.every) { state in
                do throws(OutputError) { try output.writeRow(state) } catch { failure = error }
                return failure == nil
            }
            if failure == nil {
                do { try output.flush() } catch { failure = error }
            }
        } catch {
            close(descriptor)
            unlink(name)
            return .exportFailed(reason: "\(error)")
        }
        if close(descriptor) != 0, failure == nil { failure = OutputError(reason: WriteError(code: errno)) }
        if let failure {
            unlink(name)
            return .exportFailed(reason: "\(name): \(failure.reason)")
        }
        return .exported(fileName: name, every: export.every)
    }
}
