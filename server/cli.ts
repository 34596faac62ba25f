#!/usr/bin/env node
/**
 * `npm run server` (serve) and `npm run story -- <command>` (admin):
 *   serve [--host 127.0.0.1] [--port 1234] [--db file] [--redis redis://h:p] [--name id]
 *   create-story <id> [--title "…"]
 *   add-member <story> <editor name> [--role editor|viewer]
 *   remove-member <story> <editor name>
 *   members <story>
 *   token <story> <editor name> [--ttl 7d]    prints a token for a current member
 * CORROBORATE_SECRET must be set for serve and token.
 */
import { parseFlags, readConfig } from './config.ts';
import { jsonLogger } from './log.ts';
import { MembershipStore } from './membership.ts';
import { startServer } from './app.ts';
import type { Role } from './tokens.ts';
import { issueToken, parseTtl } from './tokens.ts';

const USAGE = `Usage:
  serve [--host 127.0.0.1] [--port 1234] [--db corroborate-server.sqlite] [--redis redis://host:port] [--name instance]
  create-story <id> [--title "Title"]
  add-member <story> <editor name> [--role editor|viewer]
  remove-member <story> <editor name>
  members <story>
  token <story> <editor name> [--ttl 7d]`;

export async function runCli(argv: string[], env: Record<string, string | undefined>) {
  const { flags, words } = parseFlags(argv);
  const [command, ...args] = words;
  const database = flags.get('db') ?? env.CORROBORATE_DB ?? 'corroborate-server.sqlite';
  const need = (n: number, what: string) => {
    if (args.length < n) throw new Error(`${command} needs ${what}.\n${USAGE}`);
  };
  switch (command) {
    case 'serve': {
      const config = readConfig(flags, env);
      const log = jsonLogger();
      const server = await startServer(config, log);
      const stop = () => {
        server.stop().then(
          () => process.exit(0),
          (e) => {
            log('error', 'server.stop-failed', { message: String(e) });
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'create-story': {
      need(1, 'a story id');
      const store = new MembershipStore(database);
      const story = store.createStory(args[0]!, flags.get('title') ?? args[0]!);
      store.close();
      console.log(`Created story ${story.id} ("${story.title}") in ${database}`);
      return;
    }
    case 'add-member': {
      need(2, 'a story id and an editor name');
      const store = new MembershipStore(database);
      const m = store.setMember(args[0]!, args[1]!, (flags.get('role') ?? 'editor') as Role);
      store.close();
      console.log(`${m.editor} is ${m.role === 'editor' ? 'an editor' : 'a viewer'} on ${m.story}`);
      return;
    }
    case 'remove-member': {
      need(2, 'a story id and an editor name');
      const store = new MembershipStore(database);
      const removed = store.removeMember(args[0]!, args[1]!);
      store.close();
      console.log(removed ? `Removed ${args[1]} from ${args[0]}` : `${args[1]} was not a member`);
      return;
    }
    case 'members': {
      need(1, 'a story id');
      const store = new MembershipStore(database);
      for (const m of store.members(args[0]!)) console.log(`${m.role}\t${m.editor}`);
      store.close();
      return;
    }
    case 'token': {
      need(2, 'a story id and an editor name');
      const store = new MembershipStore(database);
      const member = store.member(args[0]!, args[1]!);
      store.close();
      if (!member) {
        throw new Error(
          `${args[1]} is not a member of ${args[0]}: add them first (add-member ${args[0]} "${args[1]}").`,
        );
      }
      const secret = env.CORROBORATE_SECRET ?? '';
      if (!secret) throw new Error('CORROBORATE_SECRET is not set: tokens are signed with it.');
      const token = await issueToken(
        { story: member.story, editor: member.editor, role: member.role },
        secret,
        parseTtl(flags.get('ttl') ?? '7d'),
      );
      console.log(token);
      return;
    }
    default:
      throw new Error(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  }
}

// Run when executed directly (the bundled server entry), not when imported by tests.
if (process.argv[1] && /cli\.(ts|mjs)$/.test(process.argv[1])) {
  runCli(process.argv.slice(2), process.env).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
