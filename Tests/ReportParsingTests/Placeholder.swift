import XCTest
final class PlaceholderReportParsingTests: XCTestCase {}
