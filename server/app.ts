/**
 * The Corroborate sync server: Hocuspocus with SQLite persistence, token + membership checks,
 * read-only viewers, optional Redis fan-out for several instances, JSON logs.
 */
import type { Socket } from 'node:net';
import { Server } from '@hocuspocus/server';
import type { Extension } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Redis } from '@hocuspocus/extension-redis';
import type { ServerConfig } from './config.ts';
import type { Logger } from './log.ts';
import { MembershipStore } from './membership.ts';
import type { ConnectionContext } from './auth.ts';
import { AccessDenied, authorise } from './auth.ts';
import * as decoding from 'lib0/decoding';

/** A Hocuspocus message is [document name][message type][sync step]…; type 0 = sync,
 * step 2 = update (step 1 is a read request, step 2 of the handshake may be empty). */
export function carriesWrite(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 0) return false;
    const step = decoding.readVarUint(decoder);
    if (step === 2) return true;
    // Sync step 2 with content beyond an empty update (2 bytes: no structs, no deletes).
    return step === 1 && decoding.readVarUint8Array(decoder).length > 2;
  } catch {
    return false;
  }
}

export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  url: string;
  members: MembershipStore;
  stop(): Promise<void>;
}

export async function startServer(config: ServerConfig, log: Logger): Promise<RunningServer> {
  const members = new MembershipStore(config.database);
  const extensions: Extension[] = [new SQLite({ database: config.database })];
  if (config.redis) {
    extensions.push(
      new Redis({
        host: config.redis.host,
        port: config.redis.port,
        identifier: config.name,
        prefix: 'corroborate',
      }),
    );
  }

  const server = new Server<ConnectionContext>({
    name: config.name,
    address: config.host,
    port: config.port,
    quiet: true,
    stopOnSignals: false,
    debounce: config.debounce,
    maxDebounce: config.debounce * 5,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig, socketId }) {
      try {
        const context = await authorise(token, documentName, members, config.secret);
        // Hocuspocus then refuses (and does not apply) any update from this connection.
        connectionConfig.readOnly = context.role === 'viewer';
        log('info', 'auth.accepted', { ...context, socketId });
        return context;
      } catch (e) {
        const reason = e instanceof AccessDenied ? e.reason : 'error';
        log('warn', 'auth.refused', { story: documentName, reason, socketId });
        throw e;
      }
    },
    async onConnect({ documentName, socketId }) {
      log('info', 'connection.open', { story: documentName, socketId });
    },
    async onDisconnect({ documentName, context, socketId, clientsCount }) {
      log('info', 'connection.closed', {
        story: documentName,
        editor: context?.editor,
        socketId,
        clientsCount,
      });
    },
    async beforeHandleMessage({ connection, documentName, context, update }) {
      // Hocuspocus drops a read-only connection's updates itself; this only records the attempt.
      if (connection.readOnly && carriesWrite(update)) {
        log('warn', 'write.rejected', { story: documentName, editor: context?.editor });
      }
    },
    async onStoreDocument({ documentName }) {
      log('info', 'document.stored', { story: documentName });
    },
  });

  // Stopping must drop every socket, as a process exit would: Hocuspocus closes its documents
  // but leaves upgraded sockets open, so clients would not notice for their 30 s ping timeout.
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await server.listen();
  const port = server.address.port;
  log('info', 'server.listening', {
    host: config.host,
    port,
    instance: config.name,
    redis: config.redis ? `${config.redis.host}:${config.redis.port}` : null,
    database: config.database,
  });

  return {
    port,
    url: `ws://${config.host}:${port}`,
    members,
    async stop() {
      await server.destroy();
      for (const socket of sockets) socket.destroy();
      members.close();
      log('info', 'server.stopped', { instance: config.name });
    },
  };
}
