(function(){
  var data = JSON.parse(document.getElementById('citetrace-data').textContent);
  var panel = document.getElementById('panel');
  function esc(s){var d=document.createElement('div');d.textContent=s;return d.innerHTML;}
  function clear(){
    document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl');});
    document.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel');});
  }
  // Where the reader is looking: beside the text where the page is wide enough for two columns (the
  // panel sticks to the top of its column), else a sheet over the bottom of the screen, with a close
  // button; and if the panel is still out of sight, the page scrolls to it.
  function reveal(){
    panel.classList.add('open');
    var r=panel.getBoundingClientRect();
    if(r.bottom<0 || r.top>window.innerHeight){panel.scrollIntoView({block:'nearest'});}
  }
  panel.addEventListener('click', function(ev){
    if(ev.target.classList.contains('close')){panel.classList.remove('open');ev.stopPropagation();}
  });
  function show(ids, title){
    clear();
    var close='<button type="button" class="close" aria-label="Close the chain">\u00d7</button>';
    if(!ids || !ids.length){panel.innerHTML=close+'<span class="muted">No chain here.</span>';reveal();return;}
    var out=close+'<div><b>'+esc(title)+'</b></div>';
    ids.forEach(function(i){
      var c=data.chains[i];
      out+='<div class="chain" data-chain="'+i+'"><div>\u201c'+esc(c.claim)+'\u201d</div><div>';
      c.path.forEach(function(p,k){
        if(k>0){out+=' <span class="cuelabel">\u2192 '+esc(c.cues[k-1]||'')+' \u2192</span> ';}
        out+='<span class="hop"><b>'+esc(p)+'</b></span>';
      });
      if(c.channel){out+=' <span class="cuelabel">(via '+esc(c.channel)+')</span>';}
      out+='</div>';
      c.flags.forEach(function(f){out+='<div class="flag">\u2691 '+esc(f.label)+': '+esc(f.detail)+'</div>';});
      out+='</div>';
      c.nodes.forEach(function(n){var e=document.getElementById(n);if(e){e.classList.add('hl');}});
      (c.frames||[]).forEach(function(f){document.querySelectorAll('[data-frames~="'+f+'"]').forEach(function(e){e.classList.add('sel');});});
    });
    panel.innerHTML=out;
    reveal();
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
  // A diagram is shown at a size its labels can be read at (9 px or more): where fitting it to its
  // column would make them smaller, it is shown at its own size, to scroll in; a button fits it.
  document.querySelectorAll('.diagram').forEach(function(d){
    var svg=d.querySelector('svg');
    if(!svg){return;}
    var t=svg.querySelector('g.node text');
    var b=document.createElement('button');
    b.type='button';b.className='zoom';
    function label(){b.textContent=d.classList.contains('actual')?'Fit the diagram to the page':'Show the diagram at reading size';}
    function focus(){  // scroll to where the drawing's own nodes begin (the legend's are named nodeN)
      var left=Infinity, top=Infinity;
      d.querySelectorAll('svg g.node').forEach(function(g){
        if(/^node[0-9]+$/.test(g.id)){return;}
        var r=g.getBoundingClientRect();left=Math.min(left,r.left);top=Math.min(top,r.top);
      });
      var c=d.getBoundingClientRect();
      if(left<Infinity){d.scrollLeft+=left-c.left-20;d.scrollTop+=top-c.top-20;}
    }
    if(t && t.getBoundingClientRect().height<9){d.classList.add('actual');focus();}
    label();
    b.addEventListener('click',function(){d.classList.toggle('actual');if(d.classList.contains('actual')){focus();}label();});
    d.parentNode.insertBefore(b,d);
  });
  document.querySelectorAll('[data-chain-link]').forEach(function(e){
    e.addEventListener('click', function(){show([+e.getAttribute('data-chain-link')], 'Chain of the claim');});
  });
})();
