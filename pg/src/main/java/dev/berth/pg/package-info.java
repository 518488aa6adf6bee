/**
 * The one way berth reaches a PostgreSQL server: {@code postgres://} URLs as libpq and Terraform's
 * pg backend write them, turned into the JDBC driver's terms, and connection failures said in one
 * sentence that names the server without its password. The state store and the ecs control
 * plane's store may both use it; neither knows the driver's URL form.
 */
package dev.berth.pg;
