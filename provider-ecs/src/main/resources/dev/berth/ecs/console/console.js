// berth console: draws GET /console/api/world, asked again once a second (see the console
// package's package-info for why polling and not a stream). Read-only: it only ever GETs.
// Elements are built with the DOM API, never from HTML strings, so no name can inject markup.
"use strict";

const POLL_MS = 1000;
const LOG_POLL_MS = 2000;
const state = { picture: null, etag: null, cluster: null, open: null, logs: null, logsFor: null, failures: 0 };

function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "style") e.style.cssText = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids.flat(Infinity)) if (k !== null && k !== undefined && k !== false) e.append(k instanceof Node ? k : String(k));
  return e;
}

const tail = arn => (arn || "").substring((arn || "").lastIndexOf("/") + 1);
const shortId = arn => tail(arn).substring(0, 8);
const family = td => tail(td);
const serviceOf = t => (t.group || "").startsWith("service:") ? t.group.substring(8) : null;
function hue(name) { let x = 7; for (const c of name || "") x = (x * 31 + c.charCodeAt(0)) >>> 0; return x % 360; }
const color = name => name ? `hsl(${hue(name)} 55% 48%)` : "#829ab1";
const taskColor = t => color(serviceOf(t) || family(t.taskDefinitionArn).split(":")[0]);
// What a task reserves: its task-level size, else the sum of its containers' (EC2 task definitions
// may size containers only).
function need(t, field) {
  const own = Number(t[field] || 0);
  if (own) return own;
  return (t.containers || []).reduce((s, c) => s + Number(c[field] || (field === "memory" ? c.memoryReservation : 0) || 0), 0);
}
const plural = (n, one, many) => n + " " + (n === 1 ? one : many);
const pill = (s, extra) => h("span", { class: "pill " + (s || ""), title: extra }, s || "?");

function ago(seconds) {
  if (!seconds) return "";
  const d = Math.max(0, Math.round(Date.now() / 1000 - seconds));
  if (d < 60) return d + "s ago";
  if (d < 3600) return Math.floor(d / 60) + "m ago";
  if (d < 86400) return Math.floor(d / 3600) + "h ago";
  return Math.floor(d / 86400) + "d ago";
}
const timeEl = s => h("span", { "data-time": s, title: s ? new Date(s * 1000).toISOString() : "" }, ago(s));
const clock = s => s ? new Date(s * 1000).toLocaleTimeString([], { hour12: false }) : "";

// ---- polling ------------------------------------------------------------------------------
async function poll() {
  try {
    const r = await fetch("/console/api/world", { cache: "no-store", headers: state.etag ? { "If-None-Match": state.etag } : {} });
    if (r.status === 200) {
      state.picture = await r.json();
      state.etag = r.headers.get("ETag");
      render();
    } else if (r.status !== 304) {
      const body = await r.json().catch(() => ({}));
      throw new Error(body.message || ("HTTP " + r.status));
    }
    state.failures = 0;
    live(true, "live · " + new Date().toLocaleTimeString([], { hour12: false }));
  } catch (e) {
    state.failures++;
    live(false, "berth server is not answering (" + (e.message || e) + "); retrying");
  }
  refreshTimes();
  setTimeout(poll, POLL_MS);
}

function live(ok, text) {
  document.getElementById("live").className = "live " + (ok ? "ok" : "down");
  document.getElementById("live-text").textContent = text;
}

function refreshTimes() {
  for (const e of document.querySelectorAll("[data-time]")) e.textContent = ago(Number(e.getAttribute("data-time")));
}

async function pollLogs() {
  const open = state.open;
  if (open) {
    try {
      const q = "cluster=" + encodeURIComponent(open.cluster) + "&task=" + encodeURIComponent(open.task);
      const r = await fetch("/console/api/logs?" + q, { cache: "no-store" });
      const body = await r.json();
      state.logs = r.ok ? body : { error: body.message || ("HTTP " + r.status) };
      state.logsFor = open.task;
      const pre = document.querySelector("pre.logs");
      if (pre && state.open && state.open.task === open.task) fillLogs(pre.parentNode);
    } catch (e) { /* the next round tries again */ }
  }
  setTimeout(pollLogs, LOG_POLL_MS);
}

// ---- drawing ------------------------------------------------------------------------------
function selected() {
  const clusters = state.picture.clusters || [];
  const want = decodeURIComponent((location.hash.match(/cluster=([^&]+)/) || [])[1] || "");
  return clusters.find(c => c.cluster.clusterName === want) || clusters[0] || null;
}

function render() {
  const main = document.getElementById("main");
  const nav = document.getElementById("clusters");
  const view = selected();
  nav.replaceChildren(...(state.picture.clusters || []).map(c => h("a", {
    href: "#cluster=" + encodeURIComponent(c.cluster.clusterName), class: view && c === view ? "on" : "",
    "data-cluster": c.cluster.clusterName
  }, c.cluster.clusterName, h("span", { class: "n" }, c.cluster.runningTasksCount || 0))));
  if (!view) {
    main.replaceChildren(h("p", { class: "empty" }, "No clusters yet. Create one with ",
      h("code", {}, "aws ecs create-cluster --cluster-name demo --endpoint-url " + location.origin),
      " or apply a configuration whose provider names this server."));
    return;
  }
  const tasks = view.tasks || [];
  const byArn = new Map(tasks.map(t => [t.taskArn, t]));
  main.replaceChildren(
    summary(view),
    h("h2", {}, "Capacity by zone", h("span", { class: "count" }, plural((view.lanes || []).length, "lane", "lanes"))),
    (view.lanes || []).length ? h("div", { id: "lanes" }, view.lanes.map(l => lane(l, byArn, view)))
      : h("p", { class: "note" }, "No container instances and no FARGATE tasks."),
    h("h2", {}, "Services", h("span", { class: "count" }, (view.services || []).length)),
    (view.services || []).length ? h("div", { class: "services", id: "services" }, view.services.map(s => service(s, tasks)))
      : h("p", { class: "note" }, "No services."),
    h("h2", {}, "Tasks", h("span", { class: "count" }, tasks.filter(t => t.lastStatus !== "STOPPED").length + " running or starting, "
      + tasks.filter(t => t.lastStatus === "STOPPED").length + " stopped")),
    taskTable(view),
    h("h2", {}, "Task definitions", h("span", { class: "count" }, plural((state.picture.families || []).length, "family", "families"))),
    h("div", { class: "families", id: "families" }, (state.picture.families || []).map(familyCard)));
}

function summary(view) {
  const c = view.cluster;
  const tile = (v, k) => h("div", { class: "tile" }, h("div", { class: "v" }, v), h("div", { class: "k" }, k));
  return h("section", { class: "summary" },
    h("div", { class: "title" }, h("b", {}, c.clusterName), " ", pill(c.status), h("span", { class: "arn mono" }, c.clusterArn)),
    tile(c.registeredContainerInstancesCount || 0, "instances"), tile(c.activeServicesCount || 0, "services"),
    tile(c.runningTasksCount || 0, "running"), tile(c.pendingTasksCount || 0, "pending"));
}

function lane(l, byArn, view) {
  const maxCpu = Math.max(1, ...view.lanes.flatMap(x => x.boxes).filter(b => b.cpu).map(b => b.cpu.total));
  return h("div", { class: "lane", "data-zone": l.zone || "" },
    h("div", { class: "zone" }, l.zone || "no zone"),
    h("div", { class: "boxes" }, l.boxes.map(b => box(b, byArn, maxCpu, view))));
}

function box(b, byArn, maxCpu, view) {
  const tasks = b.taskArns.map(a => byArn.get(a)).filter(Boolean);
  const chips = tasks.length ? h("div", { class: "chips" }, tasks.map(t => chip(t, view)))
    : h("div", { class: "nochips" }, "no tasks");
  if (!b.instance) {
    const cpu = tasks.reduce((s, t) => s + need(t, "cpu"), 0), mem = tasks.reduce((s, t) => s + need(t, "memory"), 0);
    return h("div", { class: "box fargate", style: "width: 300px", "data-box": "FARGATE" },
      h("div", { class: "head" }, h("b", {}, "FARGATE"), h("span", { class: "meta" }, plural(tasks.length, "task", "tasks") + " · " + (cpu / 1024) + " vCPU · " + mem + " MiB reserved")),
      chips);
  }
  const i = b.instance;
  const width = Math.round(260 + 280 * (b.cpu.total / maxCpu));
  const type = (i.attributes || []).find(a => a.name === "ecs.instance-type");
  const cls = "box" + (i.status === "DRAINING" ? " draining" : "") + (i.agentConnected === false ? " lost" : "");
  return h("div", { class: cls, style: "width: " + width + "px", "data-box": b.label },
    h("div", { class: "head" }, h("b", { title: i.containerInstanceArn }, b.label.length > 19 ? b.label.substring(0, 12) : b.label), pill(i.status),
      i.agentConnected === false ? pill("DISCONNECTED", "its engine stopped answering") : null,
      h("span", { class: "meta" }, (type ? type.value + " · " : "") + b.cpu.total + " CPU · " + b.memory.total + " MiB")),
    bar("CPU", b.cpu, tasks, t => need(t, "cpu"), ""),
    bar("MEM", b.memory, tasks, t => need(t, "memory"), " MiB"),
    chips);
}

// A bar is the instance's capacity with one segment per task, in its service's colour.
function bar(label, cap, tasks, need, unit) {
  const total = Math.max(1, cap.total);
  const segs = tasks.map(t => h("i", { style: `width: ${100 * need(t) / total}%; background: ${taskColor(t)}`, title: shortId(t.taskArn) + ": " + need(t) + unit }));
  const pct = Math.round(100 * cap.used / total);
  return h("div", { class: "bar" }, h("span", { class: "k" }, label), h("span", { class: "track" }, segs),
    h("span", { class: "v" }, cap.used + " / " + cap.total + unit + " " + pct + "%"));
}

function chip(t, view) {
  const stopping = t.desiredStatus === "STOPPED" && t.lastStatus !== "STOPPED";
  return h("span", { class: "chip " + t.lastStatus + (stopping ? " stopping" : ""), "data-task-id": tail(t.taskArn),
    title: (serviceOf(t) || t.group || "") + " " + family(t.taskDefinitionArn) + " " + t.lastStatus,
    onclick: () => toggle(view.cluster.clusterArn, t.taskArn) },
    h("span", { class: "sw", style: "background:" + taskColor(t) }), (serviceOf(t) || family(t.taskDefinitionArn)) + " ", h("span", { class: "mono" }, shortId(t.taskArn)));
}

function service(s, tasks) {
  const desired = s.desiredCount || 0, running = s.runningCount || 0, pending = s.pendingCount || 0;
  const scale = Math.max(desired, running + pending, 1);
  const deployments = (s.deployments || []).map(d => h("tr", {},
    h("td", {}, pill(d.status)), h("td", { class: "mono" }, family(d.taskDefinition)),
    h("td", {}, pill(d.rolloutState, d.rolloutStateReason)),
    h("td", {}, (d.runningCount || 0) + "/" + (d.desiredCount || 0) + (d.pendingCount ? " +" + d.pendingCount + " pending" : "") + (d.failedTasks ? ", " + d.failedTasks + " failed" : "")),
    h("td", {}, timeEl(d.updatedAt || d.createdAt))));
  return h("div", { class: "card", "data-service": s.serviceName, "data-desired": desired, "data-running": running, "data-pending": pending },
    h("div", { class: "head" }, h("span", { class: "sw", style: "background:" + color(s.serviceName) }), h("b", {}, s.serviceName),
      pill(s.status), h("span", { class: "note" }, (s.launchType || "") + " · " + family(s.taskDefinition))),
    h("div", { class: "counts" }, h("div", {}, h("b", {}, desired), "desired"), h("div", {}, h("b", {}, running), "running"),
      h("div", {}, h("b", {}, pending), "pending")),
    h("div", { class: "progress" }, h("span", { class: "r", style: `width:${100 * running / scale}%` }), h("span", { class: "p", style: `width:${100 * pending / scale}%` })),
    deployments.length ? h("table", {}, h("tr", {}, ["deployment", "task definition", "rollout", "tasks", "updated"].map(x => h("th", {}, x))), deployments) : null,
    h("ul", { class: "events" }, (s.events || []).slice(0, 10).map(e => h("li", {}, h("span", { class: "t" }, clock(e.createdAt)), e.message))));
}

function taskTable(view) {
  const rows = [];
  for (const t of view.tasks || []) {
    const open = state.open && state.open.task === t.taskArn;
    const stopped = t.lastStatus === "STOPPED";
    const where = t.containerInstanceArn ? tail(t.containerInstanceArn).substring(0, 12) : (t.launchType || "");
    const status = t.desiredStatus === "STOPPED" && !stopped
      ? h("span", {}, pill(t.lastStatus), " → ", pill("STOPPED")) : pill(t.lastStatus);
    rows.push(h("tr", { class: "task" + (stopped ? " stopped" : "") + (open ? " open" : ""), "data-task-id": tail(t.taskArn),
      "data-service": serviceOf(t) || "", "data-status": t.lastStatus, onclick: () => toggle(view.cluster.clusterArn, t.taskArn) },
      h("td", { class: "mono" }, h("span", { class: "chip-sw", style: `display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${taskColor(t)}` }), shortId(t.taskArn)),
      h("td", {}, serviceOf(t) || t.group || ""), h("td", { class: "mono" }, family(t.taskDefinitionArn)), h("td", {}, status),
      h("td", { class: "mono" }, where + (t.availabilityZone ? " · " + t.availabilityZone : "")),
      h("td", {}, timeEl(stopped ? t.stoppedAt : (t.startedAt || t.createdAt))),
      h("td", { class: "reason", "data-stop-reason": "" }, stopped ? [t.stopCode ? t.stopCode + ": " : "", t.stoppedReason || ""] : "")));
    if (open) rows.push(detail(t));
  }
  return h("div", { class: "tasks" }, h("table", { id: "tasks" },
    h("tr", {}, ["task", "service / group", "task definition", "status", "where", "since", "stop reason"].map(x => h("th", {}, x))), rows));
}

function detail(t) {
  const containers = (t.containers || []).map(c => h("tr", {},
    h("td", {}, h("b", {}, c.name)), h("td", { class: "mono" }, c.image || ""), h("td", {}, pill(c.lastStatus)),
    h("td", {}, c.exitCode === undefined || c.exitCode === null ? "" : "exit " + c.exitCode),
    h("td", {}, c.healthStatus && c.healthStatus !== "UNKNOWN" ? pill(c.healthStatus) : ""),
    h("td", { class: "mono" }, (c.networkBindings || []).map(b => (b.bindIP || "") + ":" + b.hostPort + "→" + b.containerPort + "/" + (b.protocol || "tcp")).join(" ")),
    h("td", { class: "reason" }, c.reason || "")));
  const logs = h("div", {});
  fillLogs(logs);
  return h("tr", { class: "detail" }, h("td", { colspan: 7 },
    h("h3", {}, "Containers of ", h("span", { class: "mono" }, tail(t.taskArn))),
    h("table", {}, h("tr", {}, ["name", "image", "status", "exit", "health", "ports", "reason"].map(x => h("th", {}, x))), containers),
    h("h3", {}, "Log tail (berth logs ", h("span", { class: "mono" }, shortId(t.taskArn)), ")"), logs));
}

function fillLogs(into) {
  const l = state.logsFor === (state.open && state.open.task) ? state.logs : null;
  const kids = [];
  if (!l) kids.push(h("pre", { class: "logs" }, "reading…"));
  else if (l.error) kids.push(h("pre", { class: "logs" }, l.error));
  else {
    kids.push(h("pre", { class: "logs" }, l.lines.length ? l.lines.map(x => [h("span", { class: "t" }, clock(x.time) + " "),
      h("span", { class: "c" }, x.container + " "), x.text + "\n"]) : "(no lines kept yet)"));
    for (const n of l.notKept || []) kids.push(h("p", { class: "note" }, n.container + " logs with Docker's " + (n.driver || "default") + " driver; berth does not keep them (docker logs reads them while the container exists)."));
  }
  into.replaceChildren(...kids);
}

function toggle(cluster, task) {
  state.open = state.open && state.open.task === task ? null : { cluster, task };
  state.logs = null;
  render();
  if (state.open) {
    const row = document.querySelector(`tr.task[data-task-id="${tail(task)}"]`);
    if (row) row.scrollIntoView({ block: "nearest" });
  }
}

function familyCard(f) {
  return h("div", { class: "card", "data-family": f.family }, h("div", { class: "head" }, h("b", {}, f.family),
    h("span", { class: "note" }, f.revisions.length + (f.revisions.length === 1 ? " revision" : " revisions"))),
    f.revisions.map(r => h("div", { class: "rev" }, h("b", {}, ":" + r.revision), pill(r.status),
      h("span", { class: "meta" }, [r.cpu ? r.cpu + " CPU" : null, r.memory ? r.memory + " MiB" : null, r.networkMode,
        (r.compatibilities || []).join("+")].filter(Boolean).join(" · ")),
      h("span", {}, (r.containers || []).join(", ")))));
}

window.addEventListener("hashchange", () => state.picture && render());
window.__consoleLoadedAt = Date.now();
poll();
pollLogs();
