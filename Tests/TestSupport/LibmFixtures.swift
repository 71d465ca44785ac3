import PerceptronCore

/// Where Tests/Fixtures/train/libm/ holds. Its files are the C library's exp/log digits: they were
/// made with glibc 2.36 on x86-64 and checked there with both of glibc's builds of exp/log (FMA,
/// and SSE2 for CPUs without FMA and AVX2); another C library, architecture or glibc build may
/// round otherwise.
public enum LibmFixtures {
    /// Why the libm fixtures do not hold on this machine, or nil when they do.
    public static var skipReason: String? {
        let machine = MachineKind.current
        guard machine.isLinuxX86_64, let x86 = machine.x86 else {
            return "the libm fixtures are glibc x86-64's digits; this is another kind of machine"
        }
        guard let release = CLibrary.glibcRelease, release >= (2, 28) else {
            return "the libm fixtures are glibc 2.28+'s exp/log; this C library is \(CLibrary.glibcVersion ?? "not glibc")"
        }
        guard x86.glibcVariant != .fma4 else {
            return "glibc runs its FMA4 exp/log on this CPU; the libm fixtures were checked with its FMA and SSE2 builds only"
        }
        return nil
    }

    /// Whether this machine's glibc runs its FMA build of exp/log, so that GLIBC_TUNABLES can switch
    /// a child process to the SSE2 build (glibc.cpu.hwcaps=-FMA) to check the fixtures with it too.
    public static var glibcRunsItsFMABuild: Bool { MachineKind.current.x86?.glibcVariant == .fma }

    /// The environment that makes a child process's glibc resolve exp/log to its SSE2 build.
    public static let sse2Build = ["GLIBC_TUNABLES": "glibc.cpu.hwcaps=-FMA"]
}
