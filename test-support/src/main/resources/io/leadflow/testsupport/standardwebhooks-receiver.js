// A webhook receiver as a sales tool would write one: every POST is verified with the published
// Standard Webhooks library (npm standardwebhooks) under the secret in RECEIVER_SECRET, answered
// 204 when it verifies and 401 when not; GET /verdicts lists what came in and what was decided.
"use strict";
const http = require("http");
const { Webhook } = require("standardwebhooks");

const webhook = new Webhook(process.env.RECEIVER_SECRET);
const verdicts = [];

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    if (request.method === "GET" && request.url === "/verdicts") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(verdicts));
      return;
    }
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = {};
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      if (request.headers[name] !== undefined) headers[name] = request.headers[name];
    }
    try {
      webhook.verify(body, request.headers);
      verdicts.push({ id: request.headers["webhook-id"], verified: true, reason: null, headers, body });
      response.writeHead(204);
      response.end();
    } catch (refused) {
      verdicts.push({ id: request.headers["webhook-id"] || null, verified: false, reason: refused.message, headers, body });
      response.writeHead(401, { "content-type": "text/plain" });
      response.end(refused.message);
    }
  });
});

server.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
