import { readConfig } from '../../graph/config.ts';
import { local } from '../../graph/index.ts';
import { UsageError, parseArgs, type Command } from '../command.ts';

export const neo4j: Command = {
  help: `Usage: xianzhi neo4j start|stop|status|password [--instance main|test]

Runs Neo4j Community (fetched from Maven Central with Maven on first use, into .neo4j/) on
127.0.0.1 with authentication on; the generated password is in .neo4j/instances/<instance>/password.
Instances: main (port 7687, the default) and test (port 7688, used by npm test).
With NEO4J_URI set, there is nothing local to manage: this command says so.

Example: xianzhi neo4j start && xianzhi neo4j status`,
  async run(argv) {
    const { flags, positionals } = parseArgs(argv, { instance: { type: 'string' } });
    const action = positionals[0];
    const instance = String(flags.instance ?? 'main');
    if (readConfig(process.env, instance).local === false && action !== 'status') {
      console.log(`NEO4J_URI is set (${process.env.NEO4J_URI}): Xianzhi uses that server and starts nothing.`);
      return 0;
    }
    const log = (line: string) => console.error(line);
    switch (action) {
      case 'start': {
        const r = await local.start(instance, { log });
        console.log(`${r.started ? 'started' : 'already running'}: ${r.uri} (pid ${r.pid}, home ${r.home})`);
        return 0;
      }
      case 'stop': {
        const stopped = await local.stop(instance);
        console.log(stopped ? `stopped (${instance})` : `not running (${instance})`);
        return 0;
      }
      case 'status': {
        const cfg = readConfig(process.env, instance);
        if (!cfg.local) {
          console.log(`using NEO4J_URI ${cfg.uri}`);
          return 0;
        }
        const s = local.status(instance);
        console.log(s.running ? `running: ${s.uri} (pid ${s.pid}, home ${s.home})` : `stopped (${instance}, home ${s.home})`);
        return s.running ? 0 : 3;
      }
      case 'password': {
        const p = local.localPassword(instance);
        if (!p) throw new Error(`the ${instance} instance has not been started yet`);
        console.log(p);
        return 0;
      }
      default:
        throw new UsageError(action ? `unknown action '${action}'` : 'start, stop, status or password?');
    }
  },
};
