import Foundation
import TestSupport

extension Golden {
  /// This target's golden files: the `Golden/` folder beside this file.
  static let directory = Golden.directory(for: #filePath)
}
