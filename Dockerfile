# The Xianzhi API (and CLI) for docker-compose.yml. Neo4j runs in its own container (NEO4J_URI).
FROM node:20-bookworm
WORKDIR /app
# nodejieba compiles from source: build tools are in the node image.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
# Ingests the shipped seeds when the graph is empty, then serves the API.
CMD ["node", "bin/xianzhi.mjs", "start"]
