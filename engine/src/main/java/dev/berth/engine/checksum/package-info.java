/**
 * A checksum over a JSON document berth writes for people to keep (plan files, pulled state),
 * so a document edited by hand is refused instead of applied or pushed. It guards against
 * mistakes, not attackers: anyone who can edit the file can recompute it.
 */
package dev.berth.engine.checksum;
