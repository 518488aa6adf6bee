/**
 * AWS Signature Version 4 as ECS checks it: the canonical request, the string to sign, the
 * signing key derived from date, region and service, and the checks a server makes of a signed
 * request (key, scope, clock, signature). Pure: no sockets, no files but the credentials file
 * reader's; the HTTP server and client call it at their edges.
 */
package dev.berth.ecs.sigv4;
