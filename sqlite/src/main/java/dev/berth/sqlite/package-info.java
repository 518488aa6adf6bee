/**
 * The one way berth talks to a SQLite file: a locked connection, BEGIN IMMEDIATE writes, WAL with
 * synced commits, and errors in the user's words. The state store and the ecs control plane's own
 * store both use it; each supplies its file's name in errors, its busy timeout and its exception.
 */
package dev.berth.sqlite;
