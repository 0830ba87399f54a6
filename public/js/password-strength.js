// Progressive enhancement: a live estimate of a new password's strength. The server decides; this
// file applies the same refusal rules (src/features/accounts/password-policy.ts: 12 to 128 code
// points, the shipped list of common passwords, the service's name, the person's e-mail or name)
// and then a rough estimate of how long the password would resist guessing.
;(function () {
  'use strict'

  var LIST_GLOBAL = 'zxcvbnts'
  var listState = { common: null, words: null, loading: false, waiting: [] }

  function codePoints(value) {
    return Array.from(value.normalize('NFC'))
  }

  /** Lower case, without accents, and with Greek final sigma folded, as on the server. */
  function fold(value) {
    return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ').normalize('NFC')
  }

  function lettersOnly(value) {
    return value.replace(/[^\p{L}]/gu, '')
  }

  function isCommon(password) {
    if (!listState.common) return false
    var lower = password.toLowerCase()
    if (listState.common.has(lower)) return true
    var core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
    return core.length >= 4 && listState.common.has(core)
  }

  function isServiceWord(password, serviceWords) {
    var letters = lettersOnly(fold(password))
    return serviceWords.some(function (word) {
      var folded = fold(word)
      return letters === folded || letters === folded + folded
    })
  }

  function isPersonal(password, context) {
    var folded = fold(password)
    var letters = lettersOnly(folded)
    var candidates = []
    if (context.email) {
      var address = fold(context.email)
      if (folded.indexOf(address) !== -1) return true
      candidates.push(lettersOnly(address.split('@')[0] || ''))
    }
    if (context.name) candidates.push(lettersOnly(fold(context.name)))
    return candidates.some(function (candidate) {
      return candidate.length >= 3 && letters === candidate
    })
  }

  /** The same answer as the server's passwordProblem, once the list of common passwords is here. */
  function problemOf(password, rules, context) {
    var length = codePoints(password).length
    if (length < rules.min) return 'tooShort'
    if (length > rules.max) return 'tooLong'
    var normalised = password.normalize('NFC')
    if (isCommon(normalised) || isServiceWord(normalised, rules.serviceWords)) return 'common'
    if (isPersonal(normalised, context)) return 'personal'
    return null
  }

  /** How many different characters an attacker must try at each position, from the kinds used. */
  function alphabetSize(chars) {
    var kinds = [
      [/[a-z]/, 26],
      [/[A-Z]/, 26],
      [/[0-9]/, 10],
      [/\s/, 1],
      [/[\u03b1-\u03c9\u03ac-\u03ce]/, 32],
      [/[\u0391-\u03a9\u0386-\u038f]/, 25],
      [/[^\sa-zA-Z0-9\u0370-\u03ff\p{L}]/u, 33],
    ]
    var size = 0
    kinds.forEach(function (kind) {
      var used = chars.some(function (c) {
        return kind[0].test(c)
      })
      if (used) size += kind[1]
    })
    var otherLetters = chars.some(function (c) {
      return /\p{L}/u.test(c) && !/[a-zA-Z\u0370-\u03ff]/.test(c)
    })
    if (otherLetters) size += 40
    return Math.max(size, 2)
  }

  /**
   * A rough score from 1 (weak) to 4 (strong) for a password the rules accept: bits of a random
   * choice from the alphabet used, with repeated characters and common words inside it counted
   * as cheap to guess.
   */
  function scoreOf(password) {
    var chars = codePoints(password)
    var perChar = Math.log2(alphabetSize(chars))
    var distinct = new Set(chars).size
    var bits = Math.min(chars.length, distinct * 2) * perChar
    if (listState.words) {
      var lower = password.toLowerCase()
      listState.words.forEach(function (word) {
        if (lower.indexOf(word) !== -1) bits -= Math.max(0, word.length * perChar - 16)
      })
    }
    if (bits < 50) return 1
    if (bits < 65) return 2
    if (bits < 80) return 3
    return 4
  }

  function useList(list) {
    var passwords = (list && list.dictionary && list.dictionary['passwords-common']) || []
    listState.common = new Set(
      passwords.map(function (word) {
        return String(word).toLowerCase()
      }),
    )
    listState.words = Array.from(listState.common).filter(function (word) {
      return word.length >= 5
    })
  }

  function loadedList() {
    return window[LIST_GLOBAL] && window[LIST_GLOBAL]['language-common']
  }

  /** Fetches the list once, from our own origin (the CSP allows no other), then calls `done`. */
  function loadList(url, done) {
    if (!listState.common && loadedList()) useList(loadedList())
    if (listState.common) return done()
    listState.waiting.push(done)
    if (listState.loading) return
    listState.loading = true
    var script = document.createElement('script')
    script.src = url
    script.defer = true
    script.addEventListener('load', function () {
      useList(loadedList())
      listState.waiting.splice(0).forEach(function (callback) {
        callback()
      })
    })
    document.head.appendChild(script)
  }

  function fieldValue(id) {
    var field = id ? document.getElementById(id) : null
    return field ? field.value : ''
  }

  function setUp(meterBox) {
    var input = document.getElementById(meterBox.getAttribute('data-input'))
    if (!input) return
    var meter = meterBox.querySelector('meter')
    var text = meterBox.querySelector('.password-strength__text')
    var rules = {
      min: Number(meterBox.getAttribute('data-min')),
      max: Number(meterBox.getAttribute('data-max')),
      serviceWords: JSON.parse(meterBox.getAttribute('data-service-words') || '[]'),
    }
    var messages = {
      tooLong: meterBox.getAttribute('data-too-long'),
      common: meterBox.getAttribute('data-common'),
      personal: meterBox.getAttribute('data-personal'),
    }
    var levels = [null, 'data-weak', 'data-fair', 'data-good', 'data-strong']
    var lastText = ''

    function update() {
      var password = input.value
      if (password === '') {
        meter.value = 0
        if (lastText !== '') text.textContent = lastText = ''
        return
      }
      var context = {
        email: fieldValue(meterBox.getAttribute('data-email-field')),
        name: fieldValue(meterBox.getAttribute('data-name-field')),
      }
      var problem = problemOf(password, rules, context)
      var message
      var score = 0
      if (problem === 'tooShort') {
        var missing = rules.min - codePoints(password).length
        var form = missing === 1 ? 'data-too-short-one' : 'data-too-short-other'
        message = meterBox.getAttribute(form).replace('%n', String(missing))
      } else if (problem) {
        message = messages[problem]
      } else {
        score = scoreOf(password)
        message = meterBox.getAttribute(levels[score])
      }
      meter.value = score
      meterBox.setAttribute('data-problem', problem || '')
      // Only a change is written, so that screen readers are not told the same thing at every key.
      if (message !== lastText) text.textContent = lastText = message
    }

    meterBox.hidden = false
    input.addEventListener('input', update)
    loadList(meterBox.getAttribute('data-list'), update)
    update()
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-module="password-strength"]'), setUp)
})()
