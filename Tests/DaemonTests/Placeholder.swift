import XCTest
final class PlaceholderDaemonTests: XCTestCase {}
