# syntax=docker/dockerfile:1
# The prediction API (`resume-studio serve`) as a container: production dependencies only, no
# Electron, a non-root user, a health check. The server holds no state beyond its model, so run as
# many copies as you like behind a load balancer. README → "Deploy the API" shows the commands.
#
#   docker build -t resume-studio-api .
#   docker run -p 8080:8080 -v "$PWD/model.json:/models/model.json:ro" -e RESUME_STUDIO_API_TOKEN=… resume-studio-api
#
# To bake a model in instead of mounting it: FROM resume-studio-api, then COPY model.json /models/model.json.

# Build stage: the full dev toolchain compiles the CLI bundle; Electron's binary is never fetched.
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
# npm ci's postinstall patches pdfjs-dist (bin/apply-patches.mjs): the script and the patch go first.
COPY bin/apply-patches.mjs ./bin/
COPY main/parsing/extract/pdfjs-patches ./main/parsing/extract/pdfjs-patches
RUN npm ci
COPY . .
RUN npx electron-vite build

# Runtime stage: only what `serve` loads (tests/build/production-deps.test.ts proves this set is enough).
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Without dev dependencies the postinstall leaves pdfjs-dist unpatched and says so (same text, slower).
COPY bin/apply-patches.mjs ./bin/
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/out/main ./out/main
COPY bin ./bin
RUN mkdir -p /models && chown node:node /models
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "out/main/cli.js", "serve", "--host", "0.0.0.0", "--port", "8080"]
CMD ["--model", "/models/model.json"]
