// A bare nodejieba.tag worker for the extraction benchmark's baseline on several threads: tags the
// texts it is sent and answers with the milliseconds spent.
import { parentPort } from 'node:worker_threads';
import nodejieba from 'nodejieba';

nodejieba.load();
parentPort.on('message', (texts) => {
  const t = performance.now();
  for (const text of texts) nodejieba.tag(text);
  parentPort.postMessage(performance.now() - t);
});
