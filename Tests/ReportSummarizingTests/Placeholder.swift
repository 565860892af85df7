import XCTest
final class PlaceholderReportSummarizingTests: XCTestCase {}
