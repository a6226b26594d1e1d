(function(){
  var data = JSON.parse(document.getElementById('citetrace-data').textContent);
  var panel = document.getElementById('panel');
  function esc(s){var d=document.createElement('div');d.textContent=s;return d.innerHTML;}
  function clear(){
    document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl');});
    document.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel');});
  }
  function show(ids, title){
    clear();
    if(!ids || !ids.length){panel.innerHTML='<span class="muted">No chain here.</span>';return;}
    var out='<div><b>'+esc(title)+'</b></div>';
    ids.forEach(function(i){
      var c=data.chains[i];
      out+='<div class="chain" data-chain="'+i+'"><div>\u201c'+esc(c.claim)+'\u201d</div><div>';
      c.path.forEach(function(p,k){
        if(k>0){out+=' <span class="cuelabel">\u2192 '+esc(c.cues[k-1]||'')+' \u2192</span> ';}
        out+='<span class="hop"><b>'+esc(p)+'</b></span>';
      });
      if(c.channel){out+=' <span class="cuelabel">(via '+esc(c.channel)+')</span>';}
      out+='</div>';
      c.flags.forEach(function(f){out+='<div class="flag">\u2691 '+esc(f.type)+': '+esc(f.detail)+'</div>';});
      out+='</div>';
      c.nodes.forEach(function(n){var e=document.getElementById(n);if(e){e.classList.add('hl');}});
      (c.frames||[]).forEach(function(f){document.querySelectorAll('[data-frames~="'+f+'"]').forEach(function(e){e.classList.add('sel');});});
    });
    panel.innerHTML=out;
  }
  document.querySelectorAll('[data-frames]').forEach(function(e){
    e.addEventListener('click', function(ev){
      var f=e.getAttribute('data-inner');
      show(data.frame_chains[f], 'Chain of the claim');
      ev.stopPropagation();
    });
  });
  document.querySelectorAll('svg g.node').forEach(function(g){
    var ids=data.node_chains[g.id];
    if(!ids){return;}
    g.addEventListener('click', function(ev){
      if(ev.target.closest && ev.target.closest('a')){return;}
      show(ids, g.id.indexOf('src_')===0 ? 'Chains through this source' : 'Chain of the claim');
    });
  });
  document.querySelectorAll('[data-chain-link]').forEach(function(e){
    e.addEventListener('click', function(){show([+e.getAttribute('data-chain-link')], 'Chain of the claim');});
  });
})();
