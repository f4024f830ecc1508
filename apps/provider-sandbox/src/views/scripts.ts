// The little page scripts of the buyer site. They are plain ES5 strings run by the browser;
// a client driving the pages meets them exactly as a person would.

// The "nc" slider: press the handle, drag it to the end of the track, release. The trace goes
// to the server, which decides; `onSuccess` receives the server's answer.
export function sliderScript(verifyUrl: string, onSuccess: string): string {
  return `(function () {
  var handle = document.getElementById('nc_1_n1z');
  var track = document.getElementById('nc_1_n1t');
  var text = document.getElementById('nc_1__scale_text');
  var sid = document.getElementById('nc_session_id').value;
  var max = track.clientWidth - handle.offsetWidth;
  var dragging = false, done = false, startX = 0, t0 = 0, trace = [];
  function reset() {
    handle.style.left = '0px';
    text.textContent = '请按住滑块，拖动到最右边';
  }
  function fail() {
    handle.style.left = '0px';
    text.innerHTML = '<span class="nc-lang-cnt">哎呀，出错了，点击'
      + '<a href="javascript:void(0)" id="nc_1_refresh1">刷新</a>再来一次</span>';
    document.getElementById('nc_1_refresh1').onclick = reset;
  }
  handle.addEventListener('mousedown', function (e) {
    if (done) return;
    dragging = true; startX = e.clientX; t0 = Date.now(); trace = [[0, e.clientY, 0]];
    e.preventDefault();
  });
  document.addEventListener('mousemove', function (e) {
    if (!dragging) return;
    var x = Math.max(0, Math.min(e.clientX - startX, max));
    handle.style.left = x + 'px';
    trace.push([x, e.clientY, Date.now() - t0]);
  });
  document.addEventListener('mouseup', function () {
    if (!dragging) return;
    dragging = false;
    fetch(${JSON.stringify(verifyUrl)}, {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ncSessionId: sid, trackWidth: max, trace: trace })
    }).then(function (r) { return r.json(); }).then(function (d) {
      if (!d.success) { fail(); return; }
      done = true;
      handle.style.left = max + 'px';
      text.textContent = '验证通过';
      (${onSuccess})(d);
    }, fail);
  });
})();`;
}

export function qrPollScript(t: string): string {
  return `(function () {
  var status = document.getElementById('J_QRCodeStatus');
  var texts = { NEW: '等待扫码', SCANED: '已扫码，请在手机上确认', EXPIRED: '二维码已失效',
    CANCELED: '已取消登录', CONFIRMED: '登录成功' };
  function poll() {
    fetch('/newlogin/qrcode/query.do?t=${t}', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        status.textContent = texts[d.status] || d.msg || '';
        status.setAttribute('data-status', d.status || 'ERROR');
        if (d.status === 'CONFIRMED') { window.location.href = d.redirectUrl; return; }
        if (d.status === 'EXPIRED' || d.status === 'CANCELED') {
          document.getElementById('J_QRCodeRefresh').style.display = 'inline';
          return;
        }
        setTimeout(poll, 1000);
      }, function () { setTimeout(poll, 1000); });
  }
  poll();
})();`;
}

export function smsSendScript(token: string): string {
  return `(function () {
  var button = document.getElementById('J_GetCode');
  var hint = document.getElementById('J_SendHint');
  button.addEventListener('click', function (e) {
    e.preventDefault();
    fetch('/newlogin/sms/send.do', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: ${JSON.stringify(token)} })
    }).then(function (r) { return r.json(); }).then(function (d) {
      hint.textContent = d.success ? '校验码已发送至 ' + d.mobile : (d.msg || '发送失败');
      hint.setAttribute('data-sent', d.success ? '1' : '0');
    });
  });
})();`;
}

export function cartScript(): string {
  return `(function () {
  var form = document.getElementById('J_CartForm');
  form.addEventListener('submit', function () {
    var ids = [];
    var boxes = document.querySelectorAll('input.J_CheckBoxItem');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) ids.push(boxes[i].value);
    document.getElementById('J_CartIds').value = ids.join(',');
  });
})();`;
}

export function itemScript(): string {
  return `(function () {
  var data = JSON.parse(document.getElementById('J_ItemData').textContent);
  var chosen = {};
  var lists = document.querySelectorAll('ul.J_TSaleProp');
  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  function currentSku() {
    var path = data.skuBase.props.map(function (p) {
      return chosen[p.pid] ? p.pid + ':' + chosen[p.pid] : null;
    });
    if (path.indexOf(null) >= 0) return null;
    var joined = path.join(';');
    var found = data.skuBase.skus.filter(function (s) { return s.propPath === joined; })[0];
    return found ? found.skuId : null;
  }
  for (var i = 0; i < lists.length; i++) {
    lists[i].addEventListener('click', function (e) {
      var li = e.target.closest('li[data-value]');
      if (!li) return;
      var pair = li.getAttribute('data-value').split(':');
      chosen[pair[0]] = pair[1];
      var siblings = li.parentNode.querySelectorAll('li');
      for (var j = 0; j < siblings.length; j++) siblings[j].className = '';
      li.className = 'tb-selected';
    });
  }
  var result = document.getElementById('J_AddCartResult');
  document.getElementById('J_LinkBasket').addEventListener('click', function () {
    var skuId = currentSku();
    if (!skuId) { result.textContent = '请选择商品规格'; return; }
    fetch('/cart/add.do', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: data.item.itemId, skuId: skuId,
        quantity: Number(document.getElementById('J_IptAmount').value),
        _tb_token_: cookie('_tb_token_') })
    }).then(function (r) { return r.json(); }).then(function (d) {
      result.textContent = d.success ? '添加成功' : (d.msg || '添加失败');
      result.setAttribute('data-code', d.success ? 'OK' : d.code);
    });
  });
  document.getElementById('J_LinkBuy').addEventListener('click', function () {
    var skuId = currentSku();
    if (!skuId) { result.textContent = '请选择商品规格'; return; }
    var form = document.getElementById('J_BuyNowForm');
    form.skuId.value = skuId;
    form.quantity.value = document.getElementById('J_IptAmount').value;
    form._tb_token_.value = cookie('_tb_token_');
    form.submit();
  });
})();`;
}
