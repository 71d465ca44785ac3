public enum PerceptronCoreVersion { public static let string = "0.1.0" }
