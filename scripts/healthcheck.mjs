#!/usr/bin/env node
// The container's HEALTHCHECK (the image has no curl): exits 0 when GET /healthz on this
// container's PORT answers 200 within 2 s, else 1.
const port = process.env.PORT || '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
  process.exit(response.status === 200 ? 0 : 1);
} catch {
  process.exit(1);
}
