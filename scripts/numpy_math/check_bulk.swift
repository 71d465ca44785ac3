// Bulk check and micro-benchmark of NumPyMath (both builds of the C kernels) against NumPy's own
// results. Built and run by check_bulk.sh:
//
//   scripts/numpy_math/check_bulk.sh /tmp/numpy_math          # compare, bit for bit
//   scripts/numpy_math/check_bulk.sh /tmp/numpy_math --bench  # then ns/call vs the C library
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func readDoubles(_ path: String) -> [Double] {
    guard let f = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    fseek(f, 0, SEEK_END)
    let count = ftell(f) / 8
    fseek(f, 0, SEEK_SET)
    var out = [Double](repeating: 0, count: count)
    let read = out.withUnsafeMutableBytes { fread($0.baseAddress, 8, count, f) }
    precondition(read == count, "short read \(path)")
    return out
}

func hex(_ x: Double) -> String {
    let s = String(x.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

@inline(never) func sink(_ x: Double) { if x == 0x1.2345p-1000 { print("") } }

func bench(_ name: String, _ xs: [Double], _ f: (Double) -> Double) {
    let rounds = 10_000_000 / xs.count + 1
    var acc = 0.0
    let t0 = now()
    for _ in 0..<rounds {
        for x in xs { acc += f(x) }
    }
    let dt = now() - t0
    sink(acc)
    let ns: Double = dt / Double(rounds * xs.count) * 1e9
    print(name, (ns * 100).rounded() / 100, "ns/call")
}

@main
struct Check {
    static func main() {
        let args = CommandLine.arguments
        let dir = args.count > 1 ? args[1] : "/tmp/numpy_math"
        if args.contains("--bench") {
            var g = SystemRandomNumberGenerator()
            let ze = (0..<4096).map { _ in Double.random(in: -30...30, using: &g) }
            let zl = (0..<4096).map { _ in Double.random(in: 1e-6...1, using: &g) }
            for _ in 0..<2 {
                bench("NumPyMath.exp           ", ze) { NumPyMath.exp($0) }
                bench("NumPyMath.exp (baseline)", ze) { NumPyMath.baselineExp($0) }
                bench("C library exp           ", ze) { exp($0) }
                bench("NumPyMath.log           ", zl) { NumPyMath.log($0) }
                bench("NumPyMath.log (baseline)", zl) { NumPyMath.baselineLog($0) }
                bench("C library log           ", zl) { log($0) }
            }
            return
        }
        let functions: [(String, String, (Double) -> Double)] = [
            ("exp", "exp", NumPyMath.exp), ("exp", "exp (baseline build)", NumPyMath.baselineExp),
            ("log", "log", NumPyMath.log), ("log", "log (baseline build)", NumPyMath.baselineLog),
        ]
        for (file, name, f) in functions {
            let xs = readDoubles("\(dir)/\(file)_in.f64")
            let ys = readDoubles("\(dir)/\(file)_out.f64")
            var bad = 0
            for i in xs.indices {
                let got = f(xs[i])
                if got.bitPattern != ys[i].bitPattern {
                    bad += 1
                    if bad <= 20 {
                        print("\(name) x=\(hex(xs[i])) (\(xs[i])) numpy=\(hex(ys[i])) (\(ys[i])) got=\(hex(got)) (\(got))")
                    }
                }
            }
            print("\(name): \(bad) mismatches of \(xs.count)")
        }
    }
}
