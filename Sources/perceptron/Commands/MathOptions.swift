import ArgumentParser
import PerceptronCore

/// `--math`: which exp/log the run computes with. Shared by `train`, `watch`, `frame` and `bench`
/// through `TrainingOptions`.
struct MathOptions: ParsableArguments {
    @Option(name: .customLong("math"),
            help: ArgumentHelp("exp/log: auto (what NumPy uses on this CPU), svml (NumPy's AVX-512 kernels, the same "
                               + "digits everywhere) or libm (the C library's).", valueName: "KIND"))
    var math: String = "auto"

    func validate() throws { _ = try arithmetic() }

    /// The kernel: `auto` is decided here, once, from this machine's CPU and OS.
    func arithmetic() throws -> Arithmetic {
        switch math {
        case "auto": return Arithmetic.numpyChoiceHere
        default:
            guard let chosen = Arithmetic(rawValue: math) else {
                throw ValidationError("--math '\(math)' is not allowed: use auto, svml or libm")
            }
            return chosen
        }
    }

    /// The kernel after `validate()` has accepted the flag.
    var arithmeticValue: Arithmetic { (try? arithmetic()) ?? Arithmetic.numpyChoiceHere }
}
