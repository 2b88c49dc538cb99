// Optional improvements only: the portal works without this script.
// 1. Preview of the photos chosen before sending. 2. « Utiliser ma position » fills the coordinates.
;(function () {
  'use strict'
  document.querySelectorAll('input[type=file][data-preview]').forEach(function (input) {
    var target = document.getElementById(input.getAttribute('data-preview'))
    if (!target) return
    input.addEventListener('change', function () {
      target.textContent = ''
      Array.prototype.slice.call(input.files || [], 0, 5).forEach(function (file) {
        if (!/^image\//.test(file.type)) return
        var img = document.createElement('img')
        img.alt = 'Aperçu : ' + file.name
        img.src = URL.createObjectURL(file)
        target.appendChild(img)
      })
    })
  })
  var button = document.getElementById('geoloc')
  if (button && navigator.geolocation) {
    button.hidden = false
    button.addEventListener('click', function () {
      var status = document.getElementById('geoloc-status')
      status.textContent = 'Recherche de votre position…'
      navigator.geolocation.getCurrentPosition(
        function (position) {
          document.getElementById('latitude').value = position.coords.latitude.toFixed(6)
          document.getElementById('longitude').value = position.coords.longitude.toFixed(6)
          status.textContent = 'Position ajoutée (précision ' + Math.round(position.coords.accuracy) + ' m).'
        },
        function () {
          status.textContent = 'Position indisponible : décrivez le lieu avec des mots.'
        },
        { enableHighAccuracy: true, timeout: 15000 },
      )
    })
  }
})()
