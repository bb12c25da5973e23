# aws-tutor: the Slack study tutor as a container image.
#
#   docker build -t aws-tutor .
#   docker run --rm -p 3000:3000 -v aws-tutor-data:/data \
#     -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… aws-tutor
#
# Three stages: `build` compiles the TypeScript with the dev dependencies; `deps` installs the
# production dependencies only (compiling better-sqlite3's native module there, with the build tools);
# the final stage gets the compiled dist/ and those node_modules, and no compiler, npm cache or source.
# See the README's "Deploy" section for the environment, volumes and scaling out.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- build: TypeScript -> dist/ (dev dependencies; no native module is needed to compile) ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY scripts/copy-data-files.mjs scripts/finish-build.mjs ./scripts/
# tsc leaves out the data files read at run time (src/understand/data/word-relations.txt): copied
# after, and the stems of the tutor's own word lists worked out once here rather than at every start.
RUN npx tsc -p tsconfig.build.json && node scripts/finish-build.mjs

# ---- deps: production dependencies only, better-sqlite3 compiled for this Node and libc ----
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp compiles against the headers this Node image ships in /usr/local/include/node instead
# of downloading them from nodejs.org (the same version, and no network needed).
ENV npm_config_nodedir=/usr/local
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips the project's own `prepare` (it compiles TypeScript, which is a dev
# dependency); better-sqlite3 is the only dependency with an install script, so it is rebuilt
# explicitly (prebuilt binary when GitHub is reachable, else node-gyp from source). Only its
# compiled addon is kept: the SQLite sources and object files weigh about 25 MB.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()" \
 && cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node . \
 && rm -rf build deps src \
 && mkdir -p build/Release \
 && mv better_sqlite3.node build/Release/ \
 && cd /app \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

# ---- runtime ----
FROM ${NODE_IMAGE}
# tini as PID 1: it passes SIGTERM/SIGINT on to node and reaps zombies (node as PID 1 gets no
# default signal handlers). Same effect as `docker run --init`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown node:node /data
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    KNOWLEDGE_DIR=/app/knowledge
# Owned by root and read-only to the app; only /data is writable by the `node` user.
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY scripts/healthcheck.mjs scripts/warm-compile-cache.mjs ./scripts/
# Node keeps the compiled code of the modules it loads in NODE_COMPILE_CACHE: filled here, once, so
# every start reads Bolt, the store drivers and the core compiled instead of compiling them again.
# Filled as the `node` user (Node keeps one cache a user id), then read-only like the rest of /app
# (Node writes its cache files for their owner only).
ENV NODE_COMPILE_CACHE=/app/.compile-cache
RUN mkdir "$NODE_COMPILE_CACHE" \
 && chown node "$NODE_COMPILE_CACHE" \
 && su node --shell /bin/sh --command 'node scripts/warm-compile-cache.mjs' \
 && chown -R root:root "$NODE_COMPILE_CACHE" \
 && chmod -R a+rX "$NODE_COMPILE_CACHE"
# `tutor doctor` checks the bot token's scopes against what the manifest asks for.
COPY manifest.yml ./manifest.yml
# The notes baked in; mount your own folder over /app/knowledge (or set KNOWLEDGE_DIR) to replace them.
COPY knowledge ./knowledge
# SQLite (the default store) lives here; with DATABASE_URL set, PostgreSQL is used instead.
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
