# The Laurel API, built from this repository. docker-compose.yml runs it next
# to neo4j:5.26-community; on its own it needs NEO4J_URI/USERNAME/PASSWORD.
#
# node:20 (Debian) has python3, make and g++, which nodejieba's native build
# needs; .npmrc's yes=true lets its install script run npx non-interactively.
FROM node:20-bookworm

WORKDIR /app
ENV NODE_ENV=production \
    LAUREL_HOST=0.0.0.0 \
    LAUREL_PORT=4000

# `npm ci` runs `prepare` (tsc), so the sources must be there first.
COPY . .
# NODE_ENV=production would make npm ci skip the dev dependencies the build
# needs (typescript); install them for the build, then drop them.
RUN npm ci --include=dev && npm prune --omit=dev && npm cache clean --force

EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.LAUREL_PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Applies the schema, loads seeds/ into the Neo4j that NEO4J_URI names, and serves GraphQL.
CMD ["node", "bin/laurel.js", "up"]
