/**
 * Writes the SDL that type-graphql builds to schema/schema.graphql
 * (`npm run schema`). tests/unit/schema-sdl.test.ts fails when the committed
 * file differs from what the code builds.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { SDL_PATH, buildApiSchema } from './schema.js';

export async function emitSchema(path: string = fileURLToPath(SDL_PATH)): Promise<string> {
  await emitSchemaDefinitionFile(path, await buildApiSchema());
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = await emitSchema();
  process.stderr.write(`wrote ${path}\n`);
}
