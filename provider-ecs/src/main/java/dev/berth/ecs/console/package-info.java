/**
 * The read-only console: one picture of the world ({@link dev.berth.ecs.console.WorldPicture})
 * read through {@link dev.berth.ecs.api.EcsApi}'s own Describe and List actions, never around
 * them, so it shows exactly what the AWS CLI would be told. {@code berth server} serves it as a
 * web page at {@code /} ({@link dev.berth.ecs.console.ConsoleHandler}); {@code berth cluster
 * show} prints it in the terminal.
 *
 * <p>The picture adds arrangement only, no second model: clusters, services, tasks and
 * container instances are the API's own records; what the picture computes is where each task
 * is drawn (the instance box it runs on, or the FARGATE box of its zone), which zone lane each
 * box is in, and how much of each instance's CPU and memory is taken.
 *
 * <p>The page polls a JSON rendering of the picture (GET {@code /console/api/world}) once a
 * second rather than holding a server-sent event stream open: the server answers from a fixed
 * pool of eight threads that the AWS CLI's calls share, and an open stream per browser tab
 * would take one of them for as long as the tab stays open. An unchanged picture is answered
 * 304 by its ETag, so an idle page costs the reads but no rendering.
 */
package dev.berth.ecs.console;
