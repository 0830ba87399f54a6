// The map of public reports: an enhancement over the list below it, which has the same reports.
// Markers are buttons a keyboard can reach; each opens a popup with a link to the report's page.
;(function () {
  'use strict'
  var section = document.querySelector('[data-module="public-map"]')
  if (!section || !window.L || !window.fetch) return
  var L = window.L
  var canvas = section.querySelector('.public-map__canvas')
  var status = section.querySelector('.public-map__status')
  var MYTILENE = [39.1067, 26.5568]

  function say(text) {
    status.textContent = text
  }

  function paragraph(className, text) {
    var p = document.createElement('p')
    p.className = className
    p.textContent = text
    return p
  }

  // Built from DOM nodes with textContent: report text never becomes markup.
  function popupFor(report) {
    var box = document.createElement('div')
    box.appendChild(paragraph('public-map__popup-title', report.reference + ': ' + report.title))
    box.appendChild(paragraph('public-map__popup-meta', report.category + ' · ' + report.statusLabel))
    var link = document.createElement('a')
    link.href = report.url
    link.textContent = section.getAttribute('data-open-label') + ' ' + report.reference
    box.appendChild(link)
    return box
  }

  section.hidden = false
  say(section.getAttribute('data-loading'))
  var map = L.map(canvas, { scrollWheelZoom: false, zoomControl: false }).setView(MYTILENE, 13)
  L.control
    .zoom({
      zoomInTitle: section.getAttribute('data-zoom-in'),
      zoomOutTitle: section.getAttribute('data-zoom-out'),
    })
    .addTo(map)
  var tiles = L.tileLayer(section.getAttribute('data-tiles'), {
    maxZoom: 19,
    attribution: section.getAttribute('data-attribution'),
  })
  var tilesFailed = false
  tiles.on('tileerror', function () {
    if (tilesFailed) return
    tilesFailed = true
    section.appendChild(paragraph('hint', section.getAttribute('data-no-tiles')))
  })
  tiles.addTo(map)

  window
    .fetch(section.getAttribute('data-src'), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
    .then(function (response) {
      if (!response.ok) throw new Error('map data ' + response.status)
      return response.json()
    })
    .then(function (data) {
      var positions = []
      data.features.forEach(function (feature) {
        var report = feature.properties
        var position = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]]
        var status = /^[a-z_]+$/.test(report.status) ? report.status : 'submitted'
        var marker = L.marker(position, {
          icon: L.divIcon({
            className: 'public-map__marker public-map__marker--' + status,
            iconSize: [22, 22],
          }),
          title: report.reference + ': ' + report.title + ' (' + report.statusLabel + ')',
          keyboard: true,
        })
        marker.bindPopup(popupFor(report))
        marker.addTo(map)
        positions.push(position)
      })
      if (positions.length) map.fitBounds(positions, { padding: [30, 30], maxZoom: 16 })
      var message = section.getAttribute(data.truncated ? 'data-truncated' : 'data-loaded')
      say(message.replace('%n', String(data.features.length)))
    })
    .catch(function () {
      say(section.getAttribute('data-failed'))
    })
})()
