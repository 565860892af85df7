import XCTest
final class PlaceholderReportProtocolTests: XCTestCase {}
