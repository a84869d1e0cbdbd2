# SPDX-License-Identifier: ISC
# bash completion for camsweep
_camsweep()
{
	local cur prev words cword
	_init_completion || return
	local cmds="scan scans show import export notify identify lookup estate
		assess plan diff serve user reach report evidence listen upload oui vulns db check
		version help"
	if [[ $cword -eq 1 ]]; then
		COMPREPLY=($(compgen -W "$cmds --help --version -V" -- "$cur"))
		return
	fi
	case $prev in
	--db|--data|--spool|--estate|--config|--credentials|--exclude-file|\
	--excludefile|-iL|-oX|-oJ|-o|--output|--read|--ieee-data|--cert|--key|\
	--password-file|--port-file)
		_filedir
		return ;;
	--interface|-e)
		_available_interfaces
		return ;;
	--format)
		COMPREPLY=($(compgen -W "html csv json" -- "$cur"))
		return ;;
	esac
	local opts
	case ${words[1]} in
	scan)
		opts="--exclude --exclude-file --excludefile -iL -p --ports --rate
		--max-conns --host-conns --connect-timeout --read-timeout
		--host-timeout --dead-after --budget --db --sensor --spool --estate
		--config
		--data --json -oJ -oX --all --no-resume --allow-large --max-addrs
		--credentials --interface --discover-time --user --stats-every -v -d
		-q --quiet -h --help" ;;
	scans|show)
		opts="--db --scan --json --all -h --help" ;;
	identify)
		opts="--data --ieee-data -h --help" ;;
	import)
		opts="nmap shodan zeek runzero censys --db --data -h --help" ;;
	export)
		opts="syslog cef cmdb-csv cmdb-json --db --scan --all -o -h --help" ;;
	notify)
		opts="--url --db --state --timeout -h --help" ;;
	report)
		opts="--db --format -o --output -h --help" ;;
	evidence)
		opts="keygen pack verify -h --help" ;;
	check)
		opts="--estate --data -h --help" ;;
	estate)
		opts="check import-csv -h --help" ;;
	plan)
		opts="list set -h --help" ;;
	serve)
		opts="--db --listen --cert --key --allow-remote --threads
		--max-connections --timeout --cache --port-file -h --help" ;;
	user)
		opts="add list del --db --password-file --site --department --admin
		-h --help" ;;
	oui)
		opts="update sources -h --help" ;;
	vulns)
		opts="list match --maker --brand --model --firmware --lineage
		--data -h --help" ;;
	db)
		opts="init add-sensor -h --help" ;;
	*)
		opts="--db --data -h --help" ;;
	esac
	if [[ $cur == -* || ${words[1]} =~ ^(estate|plan|oui|db|export|evidence)$ ]] ||
	    [[ ${words[1]} == import && $cword -eq 2 ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		_filedir
	fi
}
complete -F _camsweep camsweep
