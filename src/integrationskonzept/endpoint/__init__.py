"""The parts of the SPARQL endpoint behind :func:`integrationskonzept.serve.serve`.

* :mod:`.isolation`: takes the network away from a process (network namespace, seccomp);
* :mod:`.frames`: the length-prefixed messages between the server and its query workers;
* :mod:`.worker`: a query worker process: checks a query and evaluates it with Oxigraph;
* :mod:`.formats`: which answer format an ``Accept`` header asks for;
* :mod:`.pool`: supervises the workers (timeout by kill, restart after a crash);
* :mod:`.app`: the ASGI application (routes, the request checks of :mod:`~..gateway`);
* :mod:`.server`: uvicorn in a background thread, with a deadline for request heads.
"""
