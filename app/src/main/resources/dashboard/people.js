/* Who is signed in (GET /session), the sign-in form, and which panels the person may read.
   With security off the API answers {secure: false} and every panel shows; with it on, a panel
   shows only when the person's roles may read what it reads (mayRead), so nobody meets a 403. */
"use strict";

var People = (function () {
  // Each panel and the reading it needs (GET /session lists the readings as mayRead).
  var PANELS = [
    { reading: "decisions", ids: ["latest-card"] },
    { reading: "reconciliation", ids: ["finance-card"] },
    { reading: "application", ids: ["search"] },
    { reading: "whatif", ids: ["whatif"] }
  ];
  var ROLES = {
    officer: "园区工作人员 Officer",
    finance: "财务 Finance",
    analyst: "政策分析 Analyst",
    auditor: "审计 Auditor",
    operator: "运维 Operator"
  };
  var session = { secure: false, signedIn: false, roles: [], zones: [], mayRead: [] };

  function may(reading) {
    return !session.secure || session.mayRead.indexOf(reading) >= 0;
  }

  function load() {
    return fetch("/session", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (s) { session = s; render(); return s; });
  }

  function render() {
    PANELS.forEach(function (panel) {
      panel.ids.forEach(function (id) {
        var el = document.getElementById(id);
        if (el && !may(panel.reading)) el.hidden = true;
      });
    });
    var who = document.getElementById("who");
    if (!who) return;
    who.textContent = "";
    if (!session.secure) {
      who.className = "pill off";
      who.textContent = "开放访问 Open: no sign-in";
      return;
    }
    who.className = "who";
    if (session.signedIn) {
      var name = document.createElement("span");
      name.id = "who-name";
      name.textContent = session.user + " · " + session.roles.map(function (r) {
        return ROLES[r] || r;
      }).join(", ") + (session.zones.length ? " · " + session.zones.join(", ") : "");
      who.append(name, button("who-out", "退出 Sign out", signOut));
    } else {
      who.append(button("who-in", "登录 Sign in", function () { showForm(""); }));
    }
  }

  function button(id, text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.id = id;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function showForm(message) {
    var dialog = document.getElementById("signin");
    document.getElementById("signin-message").textContent = message;
    if (!dialog.open) dialog.showModal();
    document.getElementById("signin-user").focus();
  }

  function submit(event) {
    event.preventDefault();
    var user = document.getElementById("signin-user").value;
    var password = document.getElementById("signin-password").value;
    fetch("/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ user: user, password: password })
    }).then(function (r) {
      if (r.ok) {
        location.reload(); // every panel loads again, now with the session's cookie
        return;
      }
      return r.json().then(function (e) {
        showForm(r.status === 401
          ? "用户名或密码错误 Wrong user name or password"
          : (e && e.error) || "登录失败 Sign-in failed (" + r.status + ")");
      });
    }).catch(function () {
      showForm("无法连接 Cannot reach the server");
    });
  }

  function signOut() {
    fetch("/session", { method: "DELETE" }).then(function () { location.reload(); });
  }

  /** A request was refused for want of a valid session (it expired): sign in again. */
  function unauthorized() {
    if (session.secure) showForm("登录已过期，请重新登录 Your session ended; sign in again");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("signin-form");
    if (form) form.addEventListener("submit", submit);
    var cancel = document.getElementById("signin-cancel");
    if (cancel) cancel.addEventListener("click", function () {
      document.getElementById("signin").close();
    });
  });

  return { load: load, may: may, unauthorized: unauthorized };
})();
