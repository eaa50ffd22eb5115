package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.whatif.WhatIf;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /whatif/{name}}: the comparison a finished {@code whatif --name NAME} wrote under the
 * data directory, the same JSON as its {@code --json} file, for the dashboard and other clients.
 */
public final class WhatIfResults {

  private final Path dataDir;

  public WhatIfResults(Path dataDir) {
    this.dataDir = dataDir;
  }

  void serve(Context ctx) throws IOException {
    final String name = ctx.pathParam("name");
    if (!WhatIf.NAMES.matcher(name).matches()) {
      ApiServer.error(
          ctx,
          400,
          "a what-if name has letters, digits and _ only: '" + Shown.shortened(name) + "'");
      return;
    }
    final Path file = WhatIf.resultFile(dataDir, name);
    if (!Files.isRegularFile(file)) {
      ApiServer.error(
          ctx,
          404,
          "no finished what-if named "
              + Shown.shortened(name)
              + " under "
              + dataDir
              + " (bin/subsidy whatif --name "
              + name
              + ")");
      return;
    }
    ctx.contentType("application/json").result(Files.readAllBytes(file));
  }
}
