/**
 * Stories and their members, in the same SQLite file as the documents (separate tables), so
 * one file holds a deployment's state. Several instances on one host may share the file
 * (WAL mode); the member list is read on every connection, never cached.
 */
import Database from 'better-sqlite3';
import type { Role } from './tokens.ts';
import { ROLES } from './tokens.ts';

export interface Story {
  id: string;
  title: string;
  createdAt: number;
}
export interface Member {
  story: string;
  editor: string;
  role: Role;
  addedAt: number;
}

/** Story ids become document names and appear in URLs and logs: keep them plain. */
export const STORY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class MembershipStore {
  private db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS members (
        story TEXT NOT NULL REFERENCES stories(id), editor TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('editor','viewer')), added_at INTEGER NOT NULL,
        PRIMARY KEY (story, editor));
    `);
  }

  createStory(id: string, title: string, now = Date.now()): Story {
    if (!STORY_ID.test(id)) {
      throw new Error(
        `Story id "${id}" is not valid: use 1–64 lower-case letters, digits and dashes.`,
      );
    }
    if (this.story(id)) throw new Error(`Story "${id}" already exists.`);
    this.db
      .prepare('INSERT INTO stories (id, title, created_at) VALUES (?, ?, ?)')
      .run(id, title, now);
    return { id, title, createdAt: now };
  }

  story(id: string): Story | undefined {
    const row = this.db
      .prepare('SELECT id, title, created_at AS createdAt FROM stories WHERE id = ?')
      .get(id) as Story | undefined;
    return row;
  }

  stories(): Story[] {
    return this.db
      .prepare('SELECT id, title, created_at AS createdAt FROM stories ORDER BY id')
      .all() as Story[];
  }

  /** Adds a member or changes their role. */
  setMember(story: string, editor: string, role: Role, now = Date.now()): Member {
    if (!this.story(story)) {
      throw new Error(`No story "${story}": create it first (create-story ${story}).`);
    }
    const name = editor.trim();
    if (!name) throw new Error('The editor name is empty: give the name shown to the team.');
    if (!ROLES.includes(role)) throw new Error(`Role "${role}" is not editor or viewer.`);
    this.db
      .prepare(
        `INSERT INTO members (story, editor, role, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(story, editor) DO UPDATE SET role = excluded.role`,
      )
      .run(story, name, role, now);
    return this.member(story, name)!;
  }

  removeMember(story: string, editor: string): boolean {
    return (
      this.db.prepare('DELETE FROM members WHERE story = ? AND editor = ?').run(story, editor)
        .changes > 0
    );
  }

  member(story: string, editor: string): Member | undefined {
    return this.db
      .prepare(
        'SELECT story, editor, role, added_at AS addedAt FROM members WHERE story = ? AND editor = ?',
      )
      .get(story, editor) as Member | undefined;
  }

  members(story: string): Member[] {
    return this.db
      .prepare(
        'SELECT story, editor, role, added_at AS addedAt FROM members WHERE story = ? ORDER BY editor',
      )
      .all(story) as Member[];
  }

  close(): void {
    this.db.close();
  }
}
