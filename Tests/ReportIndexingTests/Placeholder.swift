import XCTest
final class PlaceholderReportIndexingTests: XCTestCase {}
