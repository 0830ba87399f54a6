// Progressive enhancement only: every page works without this file.
;(function () {
  'use strict'
  document.body.classList.add('js-enabled')

  // Move focus to the error summary so screen reader and keyboard users hear the problems first.
  var summary = document.querySelector('[data-module="error-summary"]')
  if (summary) summary.focus()

  // Show/hide toggles on password fields.
  var toggles = document.querySelectorAll('.password-input__toggle')
  Array.prototype.forEach.call(toggles, function (button) {
    var input = document.getElementById(button.getAttribute('aria-controls'))
    if (!input) return
    button.hidden = false
    button.setAttribute('aria-pressed', 'false')
    button.addEventListener('click', function () {
      var showing = input.type === 'text'
      input.type = showing ? 'password' : 'text'
      button.textContent = showing ? button.getAttribute('data-show') : button.getAttribute('data-hide')
      button.setAttribute('aria-pressed', showing ? 'false' : 'true')
    })
  })

  // A second click on a submit button while the first is being sent does nothing.
  var forms = document.querySelectorAll('form')
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-submitting') === 'true') {
        event.preventDefault()
        return
      }
      form.setAttribute('data-submitting', 'true')
      window.setTimeout(function () {
        form.removeAttribute('data-submitting')
      }, 5000)
    })
  })
})()
