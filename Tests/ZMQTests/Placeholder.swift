import XCTest
final class PlaceholderZMQTests: XCTestCase {}
