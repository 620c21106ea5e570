// The demo shop's own behaviour: a cart in localStorage, the Thai/English switch, and the two
// moments that fire a survey — `hearback('track','checkout')` and `hearback('track','support-contacted')`.
// Pure DOM; every text from data goes in through textContent.
(() => {
  const products = {
    'doi-chang': { en: 'Doi Chang Arabica beans, 250 g', th: 'เมล็ดกาแฟอาราบิก้า ดอยช้าง 250 กรัม', price: 320 },
    'cold-brew': { en: 'Cold brew, 500 ml bottle', th: 'โคลด์บรูว์ ขวด 500 มล.', price: 95 },
    'drip-bags': { en: 'Drip bags, box of 10', th: 'กาแฟดริป กล่อง 10 ซอง', price: 180 },
  };
  const lang = () => (document.documentElement.lang === 'th' ? 'th' : 'en');
  const baht = (n) => `฿${n.toLocaleString(lang() === 'th' ? 'th-TH' : 'en-US')}`;
  const readCart = () => { try { return JSON.parse(localStorage.getItem('demo-cart')) || {}; } catch { return {}; } };
  const writeCart = (cart) => { localStorage.setItem('demo-cart', JSON.stringify(cart)); render(); };
  const $ = (selector) => document.querySelector(selector);

  function translate() {
    for (const el of document.querySelectorAll('[data-th]')) {
      if (!el.dataset.en) el.dataset.en = el.textContent;
      el.textContent = lang() === 'th' ? el.dataset.th : el.dataset.en;
    }
    for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
  }

  function render() {
    const cart = readCart();
    const count = Object.values(cart).reduce((sum, qty) => sum + qty, 0);
    for (const el of document.querySelectorAll('[data-cart-count]')) el.textContent = String(count);
    for (const el of document.querySelectorAll('[data-price]')) el.textContent = baht(products[el.dataset.price].price);
    const list = $('[data-cart-lines]');
    if (!list) return;
    list.replaceChildren();
    let total = 0;
    for (const [sku, qty] of Object.entries(cart)) {
      const product = products[sku];
      if (!product || qty < 1) continue;
      total += product.price * qty;
      const line = document.createElement('div');
      line.className = 'line';
      const name = document.createElement('span');
      name.textContent = `${product[lang()]} × ${qty}`;
      const price = document.createElement('strong');
      price.textContent = baht(product.price * qty);
      line.append(name, price);
      list.append(line);
    }
    for (const el of document.querySelectorAll('[data-cart-total]')) el.textContent = baht(total);
    for (const el of document.querySelectorAll('[data-when-empty]')) el.hidden = total > 0;
    for (const el of document.querySelectorAll('[data-when-full]')) el.hidden = total === 0;
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const add = target?.closest('[data-add]');
    if (add) {
      const cart = readCart();
      cart[add.dataset.add] = (cart[add.dataset.add] || 0) + 1;
      writeCart(cart);
      add.textContent = lang() === 'th' ? 'เพิ่มแล้ว ✓' : 'Added ✓';
    }
    const switchTo = target?.closest('[data-lang]');
    if (switchTo) {
      // The widget reads <html lang> (locale 'auto'), so the next prompt speaks the chosen language.
      document.documentElement.lang = switchTo.dataset.lang;
      localStorage.setItem('demo-lang', switchTo.dataset.lang);
      translate();
      render();
    }
    const show = target?.closest('[data-show]');
    if (show) hearback('show', show.dataset.show);
  });

  $('#checkout-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const order = 'A' + Math.floor(1000 + Math.random() * 9000);
    location.href = `/shop/order-complete.html?order=${order}`;
  });

  const orderId = new URLSearchParams(location.search).get('order');
  if ($('[data-order-id]') && orderId) {
    $('[data-order-id]').textContent = orderId;
    localStorage.removeItem('demo-cart');
    // The moment to ask: the "after-checkout" CSAT survey is triggered by this event.
    hearback('track', 'checkout', { orderId, touchpoint: 'checkout' });
  }

  $('#support-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    event.currentTarget.hidden = true;
    $('#support-sent').hidden = false;
    hearback('track', 'support-contacted', { touchpoint: 'support' });
  });

  translate();
  render();
})();
