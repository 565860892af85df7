import XCTest
final class PlaceholderChineseTextTests: XCTestCase {}
