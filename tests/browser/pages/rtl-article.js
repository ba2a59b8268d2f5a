// The page's own script: renders the article's last paragraph after load, as many news sites
// do, so the tests show that the reader reads the live DOM, not the served HTML.
document.addEventListener('DOMContentLoaded', () => {
  const body = document.querySelector('.article-body');
  const p = document.createElement('p');
  p.className = 'late-paragraph';
  p.textContent = 'وأكدت سلطة المياه أن أسعار المياه للمستهلكين لن تتغير خلال المرحلة التجريبية، على أن تُراجع التعرفة بعد تقييم كلفة التشغيل الفعلية نهاية العام.';
  body.appendChild(p);
});
