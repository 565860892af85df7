/// The release of the whole product; plugins built from this package announce it.
public enum ReportdVersion {
    public static let current = "0.1.0"
}
