// The book's slider players (tools/player.py): a range input and five buttons that show one of
// the pre-rendered frames: the first is in the page, the others are image files fetched when
// the reader moves the slider. No network beyond the site, no icon font.
"use strict";
(function () {
  function setUp(player) {
    const data = JSON.parse(player.querySelector('script[type="application/json"]').textContent);
    const img = player.querySelector("img");
    const range = player.querySelector('input[type="range"]');
    const playButton = player.querySelector('button[data-action="play"]');
    data.frames[0] = img.getAttribute("src");  // the first frame is in the page
    const last = data.frames.length - 1;
    let timer = null;

    function show(i) {
      i = Math.max(0, Math.min(last, i));
      img.src = data.frames[i];
      range.value = String(i);
      range.setAttribute("aria-valuetext", data.titles[i]);
      return i;
    }
    function label(text) {
      playButton.title = text;
      playButton.setAttribute("aria-label", text);
    }
    function stop() {
      clearInterval(timer);
      timer = null;
      player.classList.remove("playing");
      label("Play");
    }
    function play() {
      if (Number(range.value) >= last) show(0);
      player.classList.add("playing");
      label("Pause");
      timer = setInterval(function () {
        if (show(Number(range.value) + 1) >= last) stop();
      }, data.interval);
    }
    const steps = {
      first: function () { show(0); },
      previous: function () { show(Number(range.value) - 1); },
      next: function () { show(Number(range.value) + 1); },
      last: function () { show(last); },
    };
    range.addEventListener("input", function () {
      stop();
      show(Number(range.value));
    });
    player.querySelectorAll("button[data-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        const action = button.dataset.action;
        if (action === "play") {
          if (timer === null) play(); else stop();
        } else {
          stop();
          steps[action]();
        }
      });
    });
  }

  function start() {
    document.querySelectorAll(".gdlib-player").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
