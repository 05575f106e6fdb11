// The reference page the local gateway serves at /reference/: Redoc from npm, packaged beside it, reading
// the gateway's own /openapi.json. Nothing is loaded from a CDN.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const out = process.argv[2] ?? "target/classes/META-INF/yiyang-api";
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);
const redoc = join(dirname(require.resolve("redoc/package.json")), "bundles", "redoc.standalone.js");
copyFileSync(redoc, join(out, "redoc.standalone.js"));
writeFileSync(join(out, "index.html"), `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>颐养 Yiyang API 参考</title>
  <style>body { margin: 0; font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }</style>
</head>
<body>
  <redoc spec-url="/openapi.json" hide-download-button="false"></redoc>
  <script src="/reference/redoc.standalone.js"></script>
</body>
</html>
`);
